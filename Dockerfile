# Build with the SDK, run on the small ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/JobQuality.Web/JobQuality.Web.csproj src/JobQuality.Web/
RUN dotnet restore src/JobQuality.Web/JobQuality.Web.csproj
COPY src/ src/
# Publishing restores again for the build platform's runtime: the published build is ReadyToRun.
RUN dotnet publish src/JobQuality.Web/JobQuality.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY content/ ./content/
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Content__Path=/app/content
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "JobQuality.Web.dll", "health", "http://localhost:8080/health"]
ENTRYPOINT ["dotnet", "JobQuality.Web.dll"]
