using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EcoEnforce.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitoringPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Mn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Medium = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringPoints_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RawPackets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Peer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Mn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Cn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Qn = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Crc = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IsValid = table.Column<bool>(type: "boolean", nullable: false),
                    Deviations = table.Column<long>(type: "bigint", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RawPackets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnknownDevices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Mn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PacketCount = table.Column<long>(type: "bigint", nullable: false),
                    LastPeer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnknownDevices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringLimit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MonitoringPointId = table.Column<int>(type: "integer", nullable: false),
                    PollutantCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Limit = table.Column<double>(type: "double precision", nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Basis = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringLimit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringLimit_MonitoringPoints_MonitoringPointId",
                        column: x => x.MonitoringPointId,
                        principalTable: "MonitoringPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Readings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Mn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MonitoringPointId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PollutantCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DataTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Min = table.Column<double>(type: "double precision", nullable: true),
                    Max = table.Column<double>(type: "double precision", nullable: true),
                    Cou = table.Column<double>(type: "double precision", nullable: true),
                    Flag = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    RawPacketId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Readings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Readings_MonitoringPoints_MonitoringPointId",
                        column: x => x.MonitoringPointId,
                        principalTable: "MonitoringPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Readings_RawPackets_RawPacketId",
                        column: x => x.RawPacketId,
                        principalTable: "RawPackets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringLimit_MonitoringPointId_PollutantCode",
                table: "MonitoringLimit",
                columns: new[] { "MonitoringPointId", "PollutantCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringPoints_EnterpriseId",
                table: "MonitoringPoints",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringPoints_Mn",
                table: "MonitoringPoints",
                column: "Mn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RawPackets_Mn_ReceivedAtUtc",
                table: "RawPackets",
                columns: new[] { "Mn", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Readings_Mn_Kind_PollutantCode_DataTimeUtc",
                table: "Readings",
                columns: new[] { "Mn", "Kind", "PollutantCode", "DataTimeUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Readings_MonitoringPointId_Kind_DataTimeUtc",
                table: "Readings",
                columns: new[] { "MonitoringPointId", "Kind", "DataTimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Readings_RawPacketId",
                table: "Readings",
                column: "RawPacketId");

            migrationBuilder.CreateIndex(
                name: "IX_UnknownDevices_Mn",
                table: "UnknownDevices",
                column: "Mn",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitoringLimit");

            migrationBuilder.DropTable(
                name: "Readings");

            migrationBuilder.DropTable(
                name: "UnknownDevices");

            migrationBuilder.DropTable(
                name: "MonitoringPoints");

            migrationBuilder.DropTable(
                name: "RawPackets");
        }
    }
}
