using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoEnforce.Migrations.Sqlite.Migrations
{
    /// <summary>Intentionally empty: on PostgreSQL this migration partitions Readings by month; SQLite has no
    /// partitioning. Kept so both providers have the same migrations.</summary>
    public partial class PartitionReadingsByMonth : Migration
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
