using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReadingsKeyedByNaturalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rebuilt by hand rather than by EF's table rebuild: the natural key becomes a clustered WITHOUT ROWID
            // primary key (one B-tree per reading), and the id, the two foreign keys and three indexes go.
            migrationBuilder.Sql("""
                CREATE TABLE "Readings_new" (
                    "Mn" TEXT NOT NULL,
                    "MonitoringPointId" INTEGER NULL,
                    "Kind" TEXT NOT NULL,
                    "PollutantCode" TEXT NOT NULL,
                    "DataTimeUtc" TEXT NOT NULL,
                    "Value" REAL NULL,
                    "Min" REAL NULL,
                    "Max" REAL NULL,
                    "Cou" REAL NULL,
                    "Flag" TEXT NULL,
                    "RawPacketId" INTEGER NOT NULL,
                    CONSTRAINT "PK_Readings" PRIMARY KEY ("Mn", "Kind", "PollutantCode", "DataTimeUtc")
                ) WITHOUT ROWID;
                INSERT INTO "Readings_new" ("Mn", "MonitoringPointId", "Kind", "PollutantCode", "DataTimeUtc", "Value", "Min", "Max", "Cou", "Flag", "RawPacketId")
                    SELECT "Mn", "MonitoringPointId", "Kind", "PollutantCode", "DataTimeUtc", "Value", "Min", "Max", "Cou", "Flag", "RawPacketId" FROM "Readings";
                DROP TABLE "Readings";
                ALTER TABLE "Readings_new" RENAME TO "Readings";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "Readings_old" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_Readings" PRIMARY KEY AUTOINCREMENT,
                    "Mn" TEXT NOT NULL,
                    "MonitoringPointId" INTEGER NULL,
                    "Kind" TEXT NOT NULL,
                    "PollutantCode" TEXT NOT NULL,
                    "DataTimeUtc" TEXT NOT NULL,
                    "Value" REAL NULL,
                    "Min" REAL NULL,
                    "Max" REAL NULL,
                    "Cou" REAL NULL,
                    "Flag" TEXT NULL,
                    "RawPacketId" INTEGER NOT NULL,
                    CONSTRAINT "FK_Readings_MonitoringPoints_MonitoringPointId" FOREIGN KEY ("MonitoringPointId") REFERENCES "MonitoringPoints" ("Id") ON DELETE SET NULL,
                    CONSTRAINT "FK_Readings_RawPackets_RawPacketId" FOREIGN KEY ("RawPacketId") REFERENCES "RawPackets" ("Id") ON DELETE RESTRICT
                );
                INSERT INTO "Readings_old" ("Mn", "MonitoringPointId", "Kind", "PollutantCode", "DataTimeUtc", "Value", "Min", "Max", "Cou", "Flag", "RawPacketId")
                    SELECT "Mn", "MonitoringPointId", "Kind", "PollutantCode", "DataTimeUtc", "Value", "Min", "Max", "Cou", "Flag", "RawPacketId" FROM "Readings";
                DROP TABLE "Readings";
                ALTER TABLE "Readings_old" RENAME TO "Readings";
                CREATE UNIQUE INDEX "IX_Readings_Mn_Kind_PollutantCode_DataTimeUtc" ON "Readings" ("Mn", "Kind", "PollutantCode", "DataTimeUtc");
                CREATE INDEX "IX_Readings_MonitoringPointId_Kind_DataTimeUtc" ON "Readings" ("MonitoringPointId", "Kind", "DataTimeUtc");
                CREATE INDEX "IX_Readings_RawPacketId" ON "Readings" ("RawPacketId");
                """);
        }
    }
}
