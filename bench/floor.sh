#!/usr/bin/env bash
# The memory floor of the framework on this machine: the ASP.NET Core MVC template with individual
# accounts (Identity on EF Core and SQLite), published and run with the site's own runtime settings
# (Release, ReadyToRun, workstation GC with background collection, 32 minimum pool threads), under
# the same wrk load as bench/run.sh puts on the site's pages. Its home page asks the database for a
# count on every request. Prints the template's peak memory, to set beside the site's.
# Usage: bash bench/floor.sh   (needs wrk; DURATION in seconds, CONNECTIONS default 32)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5301}
BASE="http://127.0.0.1:${PORT}"

work=$(mktemp -d)
trap 'kill "${site_pid:-0}" 2>/dev/null || true; wait "${site_pid:-0}" 2>/dev/null || true; rm -rf "$work" || true' EXIT

echo "# Publishing the MVC template with individual accounts"
dotnet new mvc --auth Individual --output "$work/template" --name Template >/dev/null
# The site's settings that bear on memory, and a query on every home page.
sed -i 's#<TargetFramework>#<ServerGarbageCollection>false</ServerGarbageCollection><ConcurrentGarbageCollection>true</ConcurrentGarbageCollection><ThreadPoolMinThreads>32</ThreadPoolMinThreads><PublishReadyToRun>true</PublishReadyToRun><RuntimeIdentifier>$(NETCoreSdkPortableRuntimeIdentifier)</RuntimeIdentifier><SelfContained>false</SelfContained><TargetFramework>#' \
    "$work/template/Template.csproj"
cat > "$work/template/Controllers/HomeController.cs" <<'CS'
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Template.Data;

namespace Template.Controllers;

public class HomeController(ApplicationDbContext db) : Controller
{
    public async Task<IActionResult> Index()
    {
        ViewData["Accounts"] = await db.Users.CountAsync();
        return View();
    }

    public IActionResult Privacy() => View();

    public IActionResult Error() => Problem();
}
CS
dotnet publish "$work/template" -c Release -o "$work/app" --nologo -v quiet >/dev/null

(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning exec dotnet Template.dll --urls "$BASE") \
    > "$work/site.log" 2>&1 &
site_pid=$!
until curl -sf "$BASE/" >/dev/null; do sleep 0.05; done
for path in / /Identity/Account/Login /Privacy; do
    printf '%s: %s\n' "$path" "$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$path" | awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = $2 } END { printf "%s req/s, p99 %s", rps, p99 }')"
done
awk '/VmHWM/ { printf "template peak memory under load: %d MB", $2 / 1024 } /RssAnon|RssFile|RssShmem/ { parts = parts sprintf(", %s %d MB", $1, $2 / 1024) } END { printf " (now%s)\n", parts }' "/proc/$site_pid/status"
