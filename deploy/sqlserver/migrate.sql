IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisabledAt] datetime2 NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetime2 NOT NULL,
        [Actor] nvarchar(256) NOT NULL,
        [Action] nvarchar(100) NOT NULL,
        [Subject] nvarchar(256) NULL,
        [Detail] nvarchar(1000) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [Dimensions] (
        [Slug] nvarchar(100) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(400) NOT NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_Dimensions] PRIMARY KEY ([Slug])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [Feedback] (
        [Id] int NOT NULL IDENTITY,
        [Topic] nvarchar(32) NOT NULL,
        [Message] nvarchar(4000) NOT NULL,
        [Name] nvarchar(200) NULL,
        [Email] nvarchar(320) NULL,
        [ReceivedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Feedback] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [FieldsOfPractice] (
        [Slug] nvarchar(100) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(400) NOT NULL,
        [Position] int NOT NULL,
        CONSTRAINT [PK_FieldsOfPractice] PRIMARY KEY ([Slug])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [MediaFiles] (
        [Id] int NOT NULL IDENTITY,
        [FileName] nvarchar(100) NOT NULL,
        [OriginalName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Length] bigint NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        [UploadedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_MediaFiles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [NewsletterSubscribers] (
        [Id] int NOT NULL IDENTITY,
        [Email] nvarchar(254) NOT NULL,
        [NormalizedEmail] nvarchar(254) NOT NULL,
        [Token] varchar(43) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [SubscribedAt] datetime2 NOT NULL,
        [ConfirmedAt] datetime2 NULL,
        CONSTRAINT [PK_NewsletterSubscribers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [ContentItems] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(32) NOT NULL,
        [Slug] nvarchar(100) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Summary] nvarchar(500) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [BodyHtml] nvarchar(max) NOT NULL,
        [IsExample] bit NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [PublishAt] datetime2 NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [ReviewBy] date NULL,
        [ReviewedAt] datetime2 NULL,
        [ReviewedBy] nvarchar(256) NULL,
        [ArchivedAt] datetime2 NULL,
        [Organization] nvarchar(200) NULL,
        [Location] nvarchar(200) NULL,
        [FieldSlug] nvarchar(100) NULL,
        [Profile] nvarchar(32) NULL,
        [Website] nvarchar(500) NULL,
        [ImageUrl] nvarchar(500) NULL,
        [ResearchType] nvarchar(32) NULL,
        [Authors] nvarchar(max) NULL,
        [PublicationDate] date NULL,
        [Url] nvarchar(500) NULL,
        [PdfUrl] nvarchar(500) NULL,
        [ResourceType] nvarchar(32) NULL,
        [StartsUtc] datetime2 NULL,
        [TimeZone] nvarchar(64) NULL,
        [DurationMinutes] int NULL,
        [Capacity] int NULL,
        [Speakers] nvarchar(max) NULL,
        [RecordingUrl] nvarchar(500) NULL,
        [SlidesUrl] nvarchar(500) NULL,
        [TranscriptUrl] nvarchar(500) NULL,
        [RegistrationClosesUtc] datetime2 NULL,
        [SeatsTaken] int NULL,
        CONSTRAINT [PK_ContentItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContentItems_FieldsOfPractice_FieldSlug] FOREIGN KEY ([FieldSlug]) REFERENCES [FieldsOfPractice] ([Slug]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [ContentItemDimensions] (
        [ContentItemId] int NOT NULL,
        [DimensionSlug] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_ContentItemDimensions] PRIMARY KEY ([ContentItemId], [DimensionSlug]),
        CONSTRAINT [FK_ContentItemDimensions_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ContentItemDimensions_Dimensions_DimensionSlug] FOREIGN KEY ([DimensionSlug]) REFERENCES [Dimensions] ([Slug]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [ContentRevisions] (
        [Id] int NOT NULL IDENTITY,
        [ContentItemId] int NOT NULL,
        [Number] int NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Author] nvarchar(256) NOT NULL,
        [Note] nvarchar(200) NOT NULL,
        [Snapshot] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ContentRevisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContentRevisions_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [Registrations] (
        [Id] int NOT NULL IDENTITY,
        [WebinarId] int NOT NULL,
        [Name] nvarchar(200) NULL,
        [Email] nvarchar(254) NULL,
        [NormalizedEmail] nvarchar(254) NULL,
        [Organization] nvarchar(200) NULL,
        [FieldOfPracticeSlug] nvarchar(100) NULL,
        [ConsentedAt] datetime2 NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [RegisteredAt] datetime2 NOT NULL,
        [ConfirmedAt] datetime2 NULL,
        [CancelledAt] datetime2 NULL,
        [CancelToken] varchar(43) COLLATE Latin1_General_100_BIN2 NULL,
        [ReminderQueuedAt] datetime2 NULL,
        [ErasedAt] datetime2 NULL,
        CONSTRAINT [PK_Registrations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Registrations_ContentItems_WebinarId] FOREIGN KEY ([WebinarId]) REFERENCES [ContentItems] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Registrations_FieldsOfPractice_FieldOfPracticeSlug] FOREIGN KEY ([FieldOfPracticeSlug]) REFERENCES [FieldsOfPractice] ([Slug]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [SearchTerms] (
        [ContentItemId] int NOT NULL,
        [Term] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Weight] int NOT NULL,
        CONSTRAINT [PK_SearchTerms] PRIMARY KEY ([Term], [ContentItemId]),
        CONSTRAINT [FK_SearchTerms_ContentItems_ContentItemId] FOREIGN KEY ([ContentItemId]) REFERENCES [ContentItems] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [ToolkitResourceAudiences] (
        [ToolkitResourceId] int NOT NULL,
        [FieldSlug] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_ToolkitResourceAudiences] PRIMARY KEY ([ToolkitResourceId], [FieldSlug]),
        CONSTRAINT [FK_ToolkitResourceAudiences_ContentItems_ToolkitResourceId] FOREIGN KEY ([ToolkitResourceId]) REFERENCES [ContentItems] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ToolkitResourceAudiences_FieldsOfPractice_FieldSlug] FOREIGN KEY ([FieldSlug]) REFERENCES [FieldsOfPractice] ([Slug]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] bigint NOT NULL IDENTITY,
        [RegistrationId] int NULL,
        [Recipient] nvarchar(254) NOT NULL,
        [RecipientName] nvarchar(200) NULL,
        [Subject] nvarchar(300) NOT NULL,
        [TextBody] nvarchar(max) NOT NULL,
        [CalendarAttachment] nvarchar(max) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [NextAttemptAt] datetime2 NOT NULL,
        [Attempts] int NOT NULL,
        [LockedUntil] datetime2 NULL,
        [LockedBy] nvarchar(200) NULL,
        [SentAt] datetime2 NULL,
        [LastError] nvarchar(1000) NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutboxMessages_Registrations_RegistrationId] FOREIGN KEY ([RegistrationId]) REFERENCES [Registrations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Slug', N'Description', N'Name', N'Position') AND [object_id] = OBJECT_ID(N'[Dimensions]'))
        SET IDENTITY_INSERT [Dimensions] ON;
    EXEC(N'INSERT INTO [Dimensions] ([Slug], [Description], [Name], [Position])
    VALUES (N''benefits'', N''Health coverage, paid leave and retirement savings that workers can actually afford to use.'', N''Benefits'', 2),
    (N''equity-inclusion'', N''Fair access to good jobs and fair treatment in them, whatever a worker''''s race, gender or place.'', N''Equity and inclusion'', 5),
    (N''legal-rights'', N''Workplaces that honour wage, safety, leave and anti-discrimination law, and let workers use those rights.'', N''Legal rights'', 4),
    (N''scheduling'', N''Hours that are stable, predictable and enough to live on, set with notice and a say.'', N''Scheduling'', 3),
    (N''skills-advancement'', N''Training on paid time and clear routes to better-paid roles.'', N''Skills and advancement'', 6),
    (N''supportive-environment'', N''Respectful supervision, safety and a culture in which people can do their best work.'', N''Supportive environment'', 7),
    (N''wages'', N''Pay that covers a family''''s costs, rises with skill and tenure, and arrives in full and on time.'', N''Wages'', 1),
    (N''worker-voice'', N''Real ways for workers to shape decisions, from surveys and committees to unions and ownership.'', N''Worker voice'', 8)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Slug', N'Description', N'Name', N'Position') AND [object_id] = OBJECT_ID(N'[Dimensions]'))
        SET IDENTITY_INSERT [Dimensions] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Slug', N'Description', N'Name', N'Position') AND [object_id] = OBJECT_ID(N'[FieldsOfPractice]'))
        SET IDENTITY_INSERT [FieldsOfPractice] ON;
    EXEC(N'INSERT INTO [FieldsOfPractice] ([Slug], [Description], [Name], [Position])
    VALUES (N''business'', N''Employers and managers who design jobs and set pay, schedules and culture.'', N''Business'', 6),
    (N''capital-deployment'', N''Investors, lenders and CDFIs who decide which businesses get capital and on what terms.'', N''Capital deployment'', 3),
    (N''economic-development'', N''Agencies and partnerships that attract, grow and keep employers in a region.'', N''Economic development'', 2),
    (N''higher-education'', N''Community colleges and universities that prepare people for careers and partner with employers.'', N''Higher education'', 7),
    (N''policy'', N''Lawmakers, agencies and analysts who set the rules and standards of work.'', N''Policy'', 4),
    (N''worker-advocacy'', N''Unions, worker centers and advocates who organise and speak for working people.'', N''Worker advocacy'', 5),
    (N''workforce-development'', N''Boards, training providers and intermediaries that connect people to work.'', N''Workforce development'', 1)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Slug', N'Description', N'Name', N'Position') AND [object_id] = OBJECT_ID(N'[FieldsOfPractice]'))
        SET IDENTITY_INSERT [FieldsOfPractice] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ContentItemDimensions_DimensionSlug] ON [ContentItemDimensions] ([DimensionSlug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ContentItems_FieldSlug] ON [ContentItems] ([FieldSlug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContentItems_Kind_Slug] ON [ContentItems] ([Kind], [Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ContentItems_PublicationDate] ON [ContentItems] ([PublicationDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ContentItems_ReviewBy] ON [ContentItems] ([ReviewBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ContentItems_StartsUtc] ON [ContentItems] ([StartsUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ContentItems_Status_PublishAt] ON [ContentItems] ([Status], [PublishAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ContentItems_UpdatedAt] ON [ContentItems] ([UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ContentRevisions_ContentItemId_Number] ON [ContentRevisions] ([ContentItemId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_Feedback_ReceivedAt] ON [Feedback] ([ReceivedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MediaFiles_FileName] ON [MediaFiles] ([FileName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_NewsletterSubscribers_ConfirmedAt] ON [NewsletterSubscribers] ([ConfirmedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NewsletterSubscribers_NormalizedEmail] ON [NewsletterSubscribers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_NewsletterSubscribers_Token] ON [NewsletterSubscribers] ([Token]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_RegistrationId] ON [OutboxMessages] ([RegistrationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_SentAt_NextAttemptAt] ON [OutboxMessages] ([SentAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Registrations_CancelToken] ON [Registrations] ([CancelToken]) WHERE [CancelToken] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_Registrations_FieldOfPracticeSlug] ON [Registrations] ([FieldOfPracticeSlug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Registrations_OneActivePerEmail] ON [Registrations] ([WebinarId], [NormalizedEmail]) WHERE [Status] <> ''Cancelled'' AND [NormalizedEmail] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_Registrations_WebinarId_Status_Id] ON [Registrations] ([WebinarId], [Status], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_SearchTerms_ContentItemId] ON [SearchTerms] ([ContentItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    CREATE INDEX [IX_ToolkitResourceAudiences_FieldSlug] ON [ToolkitResourceAudiences] ([FieldSlug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126143147_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126143147_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126155644_ListingIndex'
)
BEGIN
    CREATE INDEX [IX_ContentItems_Kind_PublishAt_Status_Title] ON [ContentItems] ([Kind], [PublishAt], [Status], [Title]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126155644_ListingIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126155644_ListingIndex', N'10.0.15');
END;

COMMIT;
GO

