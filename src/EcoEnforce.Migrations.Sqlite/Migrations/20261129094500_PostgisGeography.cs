using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Sqlite.Migrations
{
    /// <summary>Intentionally empty: on PostgreSQL this migration adds PostGIS geography columns; SQLite answers the
    /// same spatial questions in memory (InMemorySpatialQueries). Kept so both providers have the same migrations.</summary>
    public partial class PostgisGeography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
