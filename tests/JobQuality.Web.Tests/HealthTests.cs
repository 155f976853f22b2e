using System.Net;
using Microsoft.Data.Sqlite;

namespace JobQuality.Web.Tests;

public sealed class HealthTests(SqliteFileSite site) : IClassFixture<SqliteFileSite>
{
    [Fact]
    public async Task Health_is_unavailable_while_the_database_is_gone_and_recovers_when_it_returns()
    {
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var folder = Path.GetDirectoryName(site.DatabasePath)!;
        var away = folder + "-away";
        SqliteConnection.ClearAllPools();
        Directory.Move(folder, away);
        try
        {
            var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(away, folder);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
