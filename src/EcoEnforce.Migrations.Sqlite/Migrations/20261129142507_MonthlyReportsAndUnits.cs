using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MonthlyReportsAndUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite adds a nullable column with its REFERENCES clause in place; EF's AddForeignKey would rebuild both
            // tables with foreign keys switched off, which cannot run inside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE Problems ADD COLUMN UnitId INTEGER NULL REFERENCES Departments (Id) ON DELETE RESTRICT");

            migrationBuilder.Sql("ALTER TABLE InspectionTasks ADD COLUMN UnitId INTEGER NULL REFERENCES Departments (Id) ON DELETE RESTRICT");

            // Existing tasks belong to their lead officer's department, existing problems to their task's unit.
            migrationBuilder.Sql("UPDATE InspectionTasks SET UnitId = (SELECT i.DepartmentId FROM TaskInspectors ti JOIN Inspectors i ON i.Id = ti.InspectorId WHERE ti.TaskId = InspectionTasks.Id ORDER BY ti.Id LIMIT 1)");
            migrationBuilder.Sql("UPDATE Problems SET UnitId = (SELECT t.UnitId FROM InspectionTasks t WHERE t.Id = Problems.TaskId)");

            migrationBuilder.CreateTable(
                name: "MonthlyReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChosenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
