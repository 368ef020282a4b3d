using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReadingsKeyedByNaturalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The partitioned table (PartitionReadingsByMonth) declared its foreign keys inline, so they carry
            // PostgreSQL's names; both spellings are dropped. The natural key becomes the primary key (it contains the
            // partition column), and the id, its sequence and three indexes go.
            migrationBuilder.Sql("""
                ALTER TABLE "Readings" DROP CONSTRAINT IF EXISTS "FK_Readings_MonitoringPoints_MonitoringPointId";
                ALTER TABLE "Readings" DROP CONSTRAINT IF EXISTS "Readings_MonitoringPointId_fkey";
                ALTER TABLE "Readings" DROP CONSTRAINT IF EXISTS "FK_Readings_RawPackets_RawPacketId";
                ALTER TABLE "Readings" DROP CONSTRAINT IF EXISTS "Readings_RawPacketId_fkey";
                ALTER TABLE "Readings" DROP CONSTRAINT "PK_Readings";
                DROP INDEX "IX_Readings_Mn_Kind_PollutantCode_DataTimeUtc";
                DROP INDEX "IX_Readings_MonitoringPointId_Kind_DataTimeUtc";
                DROP INDEX "IX_Readings_RawPacketId";
                ALTER TABLE "Readings" DROP COLUMN "Id";
                ALTER TABLE "Readings" ADD CONSTRAINT "PK_Readings" PRIMARY KEY ("Mn", "Kind", "PollutantCode", "DataTimeUtc");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Readings" DROP CONSTRAINT "PK_Readings";
                CREATE SEQUENCE "Readings_partitioned_Id_seq" AS bigint;
                ALTER TABLE "Readings" ADD COLUMN "Id" bigint NOT NULL DEFAULT nextval('"Readings_partitioned_Id_seq"');
                ALTER SEQUENCE "Readings_partitioned_Id_seq" OWNED BY "Readings"."Id";
                ALTER TABLE "Readings" ADD CONSTRAINT "PK_Readings" PRIMARY KEY ("Id", "DataTimeUtc");
                ALTER TABLE "Readings" ADD CONSTRAINT "Readings_MonitoringPointId_fkey" FOREIGN KEY ("MonitoringPointId") REFERENCES "MonitoringPoints" ("Id") ON DELETE SET NULL;
                ALTER TABLE "Readings" ADD CONSTRAINT "Readings_RawPacketId_fkey" FOREIGN KEY ("RawPacketId") REFERENCES "RawPackets" ("Id") ON DELETE RESTRICT;
                CREATE UNIQUE INDEX "IX_Readings_Mn_Kind_PollutantCode_DataTimeUtc" ON "Readings" ("Mn", "Kind", "PollutantCode", "DataTimeUtc");
                CREATE INDEX "IX_Readings_MonitoringPointId_Kind_DataTimeUtc" ON "Readings" ("MonitoringPointId", "Kind", "DataTimeUtc");
                CREATE INDEX "IX_Readings_RawPacketId" ON "Readings" ("RawPacketId");
                """);
        }
    }
}
