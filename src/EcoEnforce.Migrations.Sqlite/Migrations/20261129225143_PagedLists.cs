using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PagedLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ProblemsFound",
                table: "Publications",
                type: "INTEGER",
                nullable: true);

            // Existing inspection results: the same rule as Publication.ContentJson's setter.
            migrationBuilder.Sql("""
                UPDATE "Publications" SET "ProblemsFound" = json_array_length("ContentJson", '$.problems') > 0 WHERE "Kind" = 0 AND json_type("ContentJson", '$.problems') = 'array';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Publications_Kind_PublishedAtUtc_Id",
                table: "Publications",
                columns: new[] { "Kind", "PublishedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_FoundOn_Id",
                table: "Problems",
                columns: new[] { "FoundOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Publications_Kind_PublishedAtUtc_Id",
                table: "Publications");

            migrationBuilder.DropIndex(
                name: "IX_Problems_FoundOn_Id",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "ProblemsFound",
                table: "Publications");
        }
    }
}
