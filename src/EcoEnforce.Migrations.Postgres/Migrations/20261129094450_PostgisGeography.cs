using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PostgisGeography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Derived, indexed geography columns for zone rules (ST_DWithin in metres). They live outside the EF model:
            // the model stays identical on both providers, and only raw spatial queries read them.
            // CREATE EXTENSION needs a superuser; in production the DBA creates postgis beforehand and this is a no-op.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS postgis;");
            migrationBuilder.Sql("""
                ALTER TABLE "Enterprises" ADD COLUMN "Geography" geography(Point, 4326)
                    GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint("Longitude", "Latitude"), 4326)::geography) STORED;
                CREATE INDEX "IX_Enterprises_Geography" ON "Enterprises" USING GIST ("Geography");
                ALTER TABLE "Places" ADD COLUMN "Geography" geography(Geometry, 4326)
                    GENERATED ALWAYS AS (ST_GeogFromText('SRID=4326;' || "GeometryWkt")) STORED;
                CREATE INDEX "IX_Places_Geography" ON "Places" USING GIST ("Geography");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Places" DROP COLUMN "Geography";
                ALTER TABLE "Enterprises" DROP COLUMN "Geography";
                """);
        }
    }
}
