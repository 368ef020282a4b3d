using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EcoEnforce.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MonthlyReportsAndUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Problems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "InspectionTasks",
                type: "integer",
                nullable: true);

            // Existing tasks belong to their lead officer's department, existing problems to their task's unit.
            migrationBuilder.Sql("UPDATE \"InspectionTasks\" SET \"UnitId\" = (SELECT i.\"DepartmentId\" FROM \"TaskInspectors\" ti JOIN \"Inspectors\" i ON i.\"Id\" = ti.\"InspectorId\" WHERE ti.\"TaskId\" = \"InspectionTasks\".\"Id\" ORDER BY ti.\"Id\" LIMIT 1)");
            migrationBuilder.Sql("UPDATE \"Problems\" SET \"UnitId\" = (SELECT t.\"UnitId\" FROM \"InspectionTasks\" t WHERE t.\"Id\" = \"Problems\".\"TaskId\")");

            migrationBuilder.CreateTable(
                name: "MonthlyReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SnapshotJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyReports_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonthlyReports_Departments_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TypicalCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ProblemId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    ChosenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChosenBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TypicalCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TypicalCases_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_UnitId_FoundOn",
                table: "Problems",
                columns: new[] { "UnitId", "FoundOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_UnitId",
                table: "InspectionTasks",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReports_CampaignId_UnitId_Year_Month_Revision",
                table: "MonthlyReports",
                columns: new[] { "CampaignId", "UnitId", "Year", "Month", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReports_UnitId",
                table: "MonthlyReports",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReports_Year_Month_Status",
                table: "MonthlyReports",
                columns: new[] { "Year", "Month", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TypicalCases_ProblemId",
                table: "TypicalCases",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_TypicalCases_Year_ProblemId",
                table: "TypicalCases",
                columns: new[] { "Year", "ProblemId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_InspectionTasks_Departments_UnitId",
                table: "InspectionTasks",
                column: "UnitId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Problems_Departments_UnitId",
                table: "Problems",
                column: "UnitId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_InspectionTasks_Departments_UnitId",
                table: "InspectionTasks");

            migrationBuilder.DropForeignKey(
                name: "FK_Problems_Departments_UnitId",
                table: "Problems");

            migrationBuilder.DropTable(
                name: "MonthlyReports");

            migrationBuilder.DropTable(
                name: "TypicalCases");

            migrationBuilder.DropIndex(
                name: "IX_Problems_UnitId_FoundOn",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_InspectionTasks_UnitId",
                table: "InspectionTasks");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "InspectionTasks");
        }
    }
}
