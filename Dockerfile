# Build with the SDK; run on the small "chiseled" ASP.NET runtime image (no shell, no package
# manager, non-root), in its -extra form for the ICU and time-zone data the site needs: search
# folds text with Unicode normalisation, and webinars are shown in their own time zones.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/JobQuality.Web/JobQuality.Web.csproj src/JobQuality.Web/
RUN dotnet restore src/JobQuality.Web/JobQuality.Web.csproj
COPY src/ src/
# Publishing restores again for the build platform's runtime: the published build is ReadyToRun.
RUN dotnet publish src/JobQuality.Web/JobQuality.Web.csproj -c Release -o /app
# The folders the site writes to; copied below with the runtime user as their owner.
RUN mkdir -p /writable/media /writable/App_Data

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY content/ ./content/
# Uploads live in /app/media; a volume mounted there (shared by every replica) keeps this owner.
COPY --from=build --chown=1654:1654 /writable/ ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Content__Path=/app/content \
    Media__Path=/app/media
# The image's own non-root user ("app", uid 1654).
USER 1654
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "JobQuality.Web.dll", "health", "http://localhost:8080/health"]
ENTRYPOINT ["dotnet", "JobQuality.Web.dll"]
