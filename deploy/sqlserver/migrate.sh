#!/usr/bin/env bash
# The one-shot migration step: creates the database if it is missing, then applies migrate.sql,
# which skips every migration already applied, so running it again changes nothing.
# Needs MSSQL_HOST, MSSQL_SA_PASSWORD and DATABASE_NAME; sqlcmd comes with the SQL Server image.
set -euo pipefail
sqlcmd=/opt/mssql-tools18/bin/sqlcmd
here="$(dirname "$0")"
database="${DATABASE_NAME:-JobQuality}"

"$sqlcmd" -C -b -S "$MSSQL_HOST" -U sa -P "$MSSQL_SA_PASSWORD" -d master \
    -Q "IF DB_ID(N'$database') IS NULL CREATE DATABASE [$database];"
"$sqlcmd" -C -b -S "$MSSQL_HOST" -U sa -P "$MSSQL_SA_PASSWORD" -d "$database" -i "$here/migrate.sql"
echo "Database $database is up to date."
