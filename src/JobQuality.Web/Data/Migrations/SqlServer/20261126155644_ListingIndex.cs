using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobQuality.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Kind_PublishAt_Status_Title",
                table: "ContentItems",
                columns: new[] { "Kind", "PublishAt", "Status", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Kind_PublishAt_Status_Title",
                table: "ContentItems");
        }
    }
}
