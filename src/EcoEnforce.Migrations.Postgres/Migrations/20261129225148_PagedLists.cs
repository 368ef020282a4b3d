using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Postgres.Migrations
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
                type: "boolean",
                nullable: true);

            // Existing inspection results: the same rule as Publication.ContentJson's setter.
            migrationBuilder.Sql("""
                UPDATE "Publications" SET "ProblemsFound" = json_array_length("ContentJson"::json -> 'problems') > 0 WHERE "Kind" = 0 AND json_typeof("ContentJson"::json -> 'problems') = 'array';
                """);

            // Registry search is LIKE '%…%' on name, credit code and address; trigram indexes answer it without reading
            // every entity (pg_trgm is a trusted extension: the database owner may create it). SQLite scans.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX "IX_Enterprises_Name_Trgm" ON "Enterprises" USING gin ("Name" gin_trgm_ops);
                CREATE INDEX "IX_Enterprises_CreditCode_Trgm" ON "Enterprises" USING gin ("CreditCode" gin_trgm_ops);
                CREATE INDEX "IX_Enterprises_Address_Trgm" ON "Enterprises" USING gin ("Address" gin_trgm_ops);
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
            migrationBuilder.Sql("""
                DROP INDEX "IX_Enterprises_Name_Trgm";
                DROP INDEX "IX_Enterprises_CreditCode_Trgm";
                DROP INDEX "IX_Enterprises_Address_Trgm";
                """);

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
