using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EcoEnforce.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Draws : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DrawRuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    SpecJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawRuleSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawRuleSets_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WindowStart = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTasks_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectorConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InspectorId = table.Column<int>(type: "integer", nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectorConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectorConflicts_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectorConflicts_Inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Draws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    RuleSetId = table.Column<int>(type: "integer", nullable: true),
                    SpecJson = table.Column<string>(type: "text", nullable: false),
                    PeriodLabel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowStart = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InputJson = table.Column<string>(type: "text", nullable: false),
                    ExclusionsJson = table.Column<string>(type: "text", nullable: false),
                    PoolSize = table.Column<int>(type: "integer", nullable: false),
                    InspectorPoolSize = table.Column<int>(type: "integer", nullable: false),
                    SeedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PoolSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InspectorsSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RulesSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CommittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CommittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExecutedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExecutedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OutcomeJson = table.Column<string>(type: "text", nullable: true),
                    ReplacesDrawId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Draws_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Draws_DrawRuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "DrawRuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Draws_Draws_ReplacesDrawId",
                        column: x => x.ReplacesDrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    DrawId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskCampaigns_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskCampaigns_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskCampaigns_InspectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskInspectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    InspectorId = table.Column<int>(type: "integer", nullable: false),
                    DrawId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskInspectors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskInspectors_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskInspectors_InspectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TaskInspectors_Inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DrawRuleSets_CampaignId",
                table: "DrawRuleSets",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawRuleSets_Name",
                table: "DrawRuleSets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Draws_CampaignId_CommittedAtUtc",
                table: "Draws",
                columns: new[] { "CampaignId", "CommittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Draws_ReplacesDrawId",
                table: "Draws",
                column: "ReplacesDrawId");

            migrationBuilder.CreateIndex(
                name: "IX_Draws_RuleSetId",
                table: "Draws",
                column: "RuleSetId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_EnterpriseId_WindowStart",
                table: "InspectionTasks",
                columns: new[] { "EnterpriseId", "WindowStart" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectorConflicts_EnterpriseId",
                table: "InspectorConflicts",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectorConflicts_InspectorId_EnterpriseId",
                table: "InspectorConflicts",
                columns: new[] { "InspectorId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskCampaigns_CampaignId",
                table: "TaskCampaigns",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCampaigns_DrawId",
                table: "TaskCampaigns",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCampaigns_TaskId_CampaignId",
                table: "TaskCampaigns",
                columns: new[] { "TaskId", "CampaignId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskInspectors_DrawId",
                table: "TaskInspectors",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskInspectors_InspectorId",
                table: "TaskInspectors",
                column: "InspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskInspectors_TaskId_InspectorId",
                table: "TaskInspectors",
                columns: new[] { "TaskId", "InspectorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectorConflicts");

            migrationBuilder.DropTable(
                name: "TaskCampaigns");

            migrationBuilder.DropTable(
                name: "TaskInspectors");

            migrationBuilder.DropTable(
                name: "Draws");

            migrationBuilder.DropTable(
                name: "InspectionTasks");

            migrationBuilder.DropTable(
                name: "DrawRuleSets");
        }
    }
}
