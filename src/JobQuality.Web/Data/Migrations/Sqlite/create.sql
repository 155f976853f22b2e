CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisabledAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "Detail" TEXT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "Dimensions" (
    "Slug" TEXT NOT NULL CONSTRAINT "PK_Dimensions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Position" INTEGER NOT NULL
);

CREATE TABLE "Feedback" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Feedback" PRIMARY KEY AUTOINCREMENT,
    "Topic" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "Name" TEXT NULL,
    "Email" TEXT NULL,
    "ReceivedAt" TEXT NOT NULL
);

CREATE TABLE "FieldsOfPractice" (
    "Slug" TEXT NOT NULL CONSTRAINT "PK_FieldsOfPractice" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Position" INTEGER NOT NULL
);

CREATE TABLE "MediaFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaFiles" PRIMARY KEY AUTOINCREMENT,
    "FileName" TEXT NOT NULL,
    "OriginalName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL
);

CREATE TABLE "NewsletterSubscribers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NewsletterSubscribers" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "NormalizedEmail" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    "SubscribedAt" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContentItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentItems" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "BodyHtml" TEXT NOT NULL,
    "IsExample" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "PublishAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ReviewBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ArchivedAt" TEXT NULL,
    "Organization" TEXT NULL,
    "Location" TEXT NULL,
    "FieldSlug" TEXT NULL,
    "Profile" TEXT NULL,
    "Website" TEXT NULL,
    "ImageUrl" TEXT NULL,
    "ResearchType" TEXT NULL,
    "Authors" TEXT NULL,
    "PublicationDate" TEXT NULL,
    "Url" TEXT NULL,
    "PdfUrl" TEXT NULL,
    "ResourceType" TEXT NULL,
    "StartsUtc" TEXT NULL,
    "TimeZone" TEXT NULL,
    "DurationMinutes" INTEGER NULL,
    "Capacity" INTEGER NULL,
    "Speakers" TEXT NULL,
    "RecordingUrl" TEXT NULL,
    "SlidesUrl" TEXT NULL,
    "TranscriptUrl" TEXT NULL,
    "RegistrationClosesUtc" TEXT NULL,
    "SeatsTaken" INTEGER NULL,
    CONSTRAINT "FK_ContentItems_FieldsOfPractice_FieldSlug" FOREIGN KEY ("FieldSlug") REFERENCES "FieldsOfPractice" ("Slug") ON DELETE RESTRICT
);

CREATE TABLE "ContentItemDimensions" (
    "ContentItemId" INTEGER NOT NULL,
    "DimensionSlug" TEXT NOT NULL,
    CONSTRAINT "PK_ContentItemDimensions" PRIMARY KEY ("ContentItemId", "DimensionSlug"),
    CONSTRAINT "FK_ContentItemDimensions_ContentItems_ContentItemId" FOREIGN KEY ("ContentItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContentItemDimensions_Dimensions_DimensionSlug" FOREIGN KEY ("DimensionSlug") REFERENCES "Dimensions" ("Slug") ON DELETE RESTRICT
);

CREATE TABLE "ContentRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentRevisions" PRIMARY KEY AUTOINCREMENT,
    "ContentItemId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "Snapshot" TEXT NOT NULL,
    CONSTRAINT "FK_ContentRevisions_ContentItems_ContentItemId" FOREIGN KEY ("ContentItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Registrations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Registrations" PRIMARY KEY AUTOINCREMENT,
    "WebinarId" INTEGER NOT NULL,
    "Name" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "Organization" TEXT NULL,
    "FieldOfPracticeSlug" TEXT NULL,
    "ConsentedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "CancelToken" TEXT NULL,
    "ReminderQueuedAt" TEXT NULL,
    "ErasedAt" TEXT NULL,
    CONSTRAINT "FK_Registrations_ContentItems_WebinarId" FOREIGN KEY ("WebinarId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Registrations_FieldsOfPractice_FieldOfPracticeSlug" FOREIGN KEY ("FieldOfPracticeSlug") REFERENCES "FieldsOfPractice" ("Slug") ON DELETE RESTRICT
);

CREATE TABLE "SearchTerms" (
    "ContentItemId" INTEGER NOT NULL,
    "Term" TEXT NOT NULL,
    "Weight" INTEGER NOT NULL,
    CONSTRAINT "PK_SearchTerms" PRIMARY KEY ("Term", "ContentItemId"),
    CONSTRAINT "FK_SearchTerms_ContentItems_ContentItemId" FOREIGN KEY ("ContentItemId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ToolkitResourceAudiences" (
    "ToolkitResourceId" INTEGER NOT NULL,
    "FieldSlug" TEXT NOT NULL,
    CONSTRAINT "PK_ToolkitResourceAudiences" PRIMARY KEY ("ToolkitResourceId", "FieldSlug"),
    CONSTRAINT "FK_ToolkitResourceAudiences_ContentItems_ToolkitResourceId" FOREIGN KEY ("ToolkitResourceId") REFERENCES "ContentItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ToolkitResourceAudiences_FieldsOfPractice_FieldSlug" FOREIGN KEY ("FieldSlug") REFERENCES "FieldsOfPractice" ("Slug") ON DELETE RESTRICT
);

CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "RegistrationId" INTEGER NULL,
    "Recipient" TEXT NOT NULL,
    "RecipientName" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "CalendarAttachment" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "LockedBy" TEXT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_OutboxMessages_Registrations_RegistrationId" FOREIGN KEY ("RegistrationId") REFERENCES "Registrations" ("Id") ON DELETE CASCADE
);

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('benefits', 'Health coverage, paid leave and retirement savings that workers can actually afford to use.', 'Benefits', 2);
SELECT changes();

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('equity-inclusion', 'Fair access to good jobs and fair treatment in them, whatever a worker''s race, gender or place.', 'Equity and inclusion', 5);
SELECT changes();

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('legal-rights', 'Workplaces that honour wage, safety, leave and anti-discrimination law, and let workers use those rights.', 'Legal rights', 4);
SELECT changes();

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('scheduling', 'Hours that are stable, predictable and enough to live on, set with notice and a say.', 'Scheduling', 3);
SELECT changes();

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('skills-advancement', 'Training on paid time and clear routes to better-paid roles.', 'Skills and advancement', 6);
SELECT changes();

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('supportive-environment', 'Respectful supervision, safety and a culture in which people can do their best work.', 'Supportive environment', 7);
SELECT changes();

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('wages', 'Pay that covers a family''s costs, rises with skill and tenure, and arrives in full and on time.', 'Wages', 1);
SELECT changes();

INSERT INTO "Dimensions" ("Slug", "Description", "Name", "Position")
VALUES ('worker-voice', 'Real ways for workers to shape decisions, from surveys and committees to unions and ownership.', 'Worker voice', 8);
SELECT changes();


INSERT INTO "FieldsOfPractice" ("Slug", "Description", "Name", "Position")
VALUES ('business', 'Employers and managers who design jobs and set pay, schedules and culture.', 'Business', 6);
SELECT changes();

INSERT INTO "FieldsOfPractice" ("Slug", "Description", "Name", "Position")
VALUES ('capital-deployment', 'Investors, lenders and CDFIs who decide which businesses get capital and on what terms.', 'Capital deployment', 3);
SELECT changes();

INSERT INTO "FieldsOfPractice" ("Slug", "Description", "Name", "Position")
VALUES ('economic-development', 'Agencies and partnerships that attract, grow and keep employers in a region.', 'Economic development', 2);
SELECT changes();

INSERT INTO "FieldsOfPractice" ("Slug", "Description", "Name", "Position")
VALUES ('higher-education', 'Community colleges and universities that prepare people for careers and partner with employers.', 'Higher education', 7);
SELECT changes();

INSERT INTO "FieldsOfPractice" ("Slug", "Description", "Name", "Position")
VALUES ('policy', 'Lawmakers, agencies and analysts who set the rules and standards of work.', 'Policy', 4);
SELECT changes();

INSERT INTO "FieldsOfPractice" ("Slug", "Description", "Name", "Position")
VALUES ('worker-advocacy', 'Unions, worker centers and advocates who organise and speak for working people.', 'Worker advocacy', 5);
SELECT changes();

INSERT INTO "FieldsOfPractice" ("Slug", "Description", "Name", "Position")
VALUES ('workforce-development', 'Boards, training providers and intermediaries that connect people to work.', 'Workforce development', 1);
SELECT changes();


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_ContentItemDimensions_DimensionSlug" ON "ContentItemDimensions" ("DimensionSlug");

CREATE INDEX "IX_ContentItems_FieldSlug" ON "ContentItems" ("FieldSlug");

CREATE UNIQUE INDEX "IX_ContentItems_Kind_Slug" ON "ContentItems" ("Kind", "Slug");

CREATE INDEX "IX_ContentItems_PublicationDate" ON "ContentItems" ("PublicationDate");

CREATE INDEX "IX_ContentItems_ReviewBy" ON "ContentItems" ("ReviewBy");

CREATE INDEX "IX_ContentItems_StartsUtc" ON "ContentItems" ("StartsUtc");

CREATE INDEX "IX_ContentItems_Status_PublishAt" ON "ContentItems" ("Status", "PublishAt");

CREATE INDEX "IX_ContentItems_UpdatedAt" ON "ContentItems" ("UpdatedAt");

CREATE UNIQUE INDEX "IX_ContentRevisions_ContentItemId_Number" ON "ContentRevisions" ("ContentItemId", "Number");

CREATE INDEX "IX_Feedback_ReceivedAt" ON "Feedback" ("ReceivedAt");

CREATE UNIQUE INDEX "IX_MediaFiles_FileName" ON "MediaFiles" ("FileName");

CREATE INDEX "IX_NewsletterSubscribers_ConfirmedAt" ON "NewsletterSubscribers" ("ConfirmedAt");

CREATE UNIQUE INDEX "IX_NewsletterSubscribers_NormalizedEmail" ON "NewsletterSubscribers" ("NormalizedEmail");

CREATE UNIQUE INDEX "IX_NewsletterSubscribers_Token" ON "NewsletterSubscribers" ("Token");

CREATE INDEX "IX_OutboxMessages_RegistrationId" ON "OutboxMessages" ("RegistrationId");

CREATE INDEX "IX_OutboxMessages_SentAt_NextAttemptAt" ON "OutboxMessages" ("SentAt", "NextAttemptAt");

CREATE UNIQUE INDEX "IX_Registrations_CancelToken" ON "Registrations" ("CancelToken") WHERE [CancelToken] IS NOT NULL;

CREATE INDEX "IX_Registrations_FieldOfPracticeSlug" ON "Registrations" ("FieldOfPracticeSlug");

CREATE UNIQUE INDEX "IX_Registrations_OneActivePerEmail" ON "Registrations" ("WebinarId", "NormalizedEmail") WHERE [Status] <> 'Cancelled' AND [NormalizedEmail] IS NOT NULL;

CREATE INDEX "IX_Registrations_WebinarId_Status_Id" ON "Registrations" ("WebinarId", "Status", "Id");

CREATE INDEX "IX_SearchTerms_ContentItemId" ON "SearchTerms" ("ContentItemId");

CREATE INDEX "IX_ToolkitResourceAudiences_FieldSlug" ON "ToolkitResourceAudiences" ("FieldSlug");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126120054_Initial', '10.0.15');

CREATE INDEX "IX_ContentItems_Kind_PublishAt_Status_Title" ON "ContentItems" ("Kind", "PublishAt", "Status", "Title");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126155542_ListingIndex', '10.0.15');

