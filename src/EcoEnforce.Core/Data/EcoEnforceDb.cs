using EcoEnforce.Accounts;
using EcoEnforce.Auditing;
using EcoEnforce.Campaigns;
using EcoEnforce.Organisation;
using EcoEnforce.Places;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcoEnforce.Data;

/// <summary>The one database of EcoEnforce. The same model runs on SQLite and PostgreSQL; each provider has its
/// own migration assembly.</summary>
public sealed class EcoEnforceDb(DbContextOptions<EcoEnforceDb> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Shared by every node so cookies and tokens issued by one are accepted by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Inspector> Inspectors => Set<Inspector>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<PositiveListEntry> PositiveListEntries => Set<PositiveListEntry>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Monitoring.MonitoringPoint> MonitoringPoints => Set<Monitoring.MonitoringPoint>();
    public DbSet<Monitoring.RawPacket> RawPackets => Set<Monitoring.RawPacket>();
    public DbSet<Monitoring.Reading> Readings => Set<Monitoring.Reading>();
    public DbSet<Monitoring.Archive.ReadingChunk> ReadingChunks => Set<Monitoring.Archive.ReadingChunk>();
    public DbSet<Monitoring.Comparison.ComparisonReading> ComparisonReadings => Set<Monitoring.Comparison.ComparisonReading>();
    public DbSet<Monitoring.UnknownDevice> UnknownDevices => Set<Monitoring.UnknownDevice>();
    public DbSet<InspectorConflict> InspectorConflicts => Set<InspectorConflict>();
    public DbSet<Draws.DrawRuleSet> DrawRuleSets => Set<Draws.DrawRuleSet>();
    public DbSet<Draws.Draw> Draws => Set<Draws.Draw>();
    public DbSet<Evidence.EvidenceFile> EvidenceFiles => Set<Evidence.EvidenceFile>();
    public DbSet<Inspections.InspectionTask> InspectionTasks => Set<Inspections.InspectionTask>();
    public DbSet<Inspections.TaskCampaign> TaskCampaigns => Set<Inspections.TaskCampaign>();
    public DbSet<Inspections.TaskInspector> TaskInspectors => Set<Inspections.TaskInspector>();
    public DbSet<Problems.Problem> Problems => Set<Problems.Problem>();
    public DbSet<Problems.ProblemMeasure> ProblemMeasures => Set<Problems.ProblemMeasure>();
    public DbSet<Problems.ProblemEvent> ProblemEvents => Set<Problems.ProblemEvent>();
    public DbSet<Problems.Escalation> Escalations => Set<Problems.Escalation>();
    public DbSet<Reports.RosterEntry> RosterEntries => Set<Reports.RosterEntry>();
    public DbSet<Reports.MonthlyReport> MonthlyReports => Set<Reports.MonthlyReport>();
    public DbSet<Reports.TypicalCase> TypicalCases => Set<Reports.TypicalCase>();
    public DbSet<Disclosure.Publication> Publications => Set<Disclosure.Publication>();
    public DbSet<Monitoring.Leads.Lead> Leads => Set<Monitoring.Leads.Lead>();
    public DbSet<Inspections.InspectionRecord> InspectionRecords => Set<Inspections.InspectionRecord>();
    public DbSet<Inspections.ChecklistAnswer> ChecklistAnswers => Set<Inspections.ChecklistAnswer>();
    public DbSet<Complaints.Complaint> Complaints => Set<Complaints.Complaint>();
    public DbSet<Common.Scheduling.JobLease> JobLeases => Set<Common.Scheduling.JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EcoEnforceDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC; SQLite loses DateTimeKind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Enums as their names: readable for anyone querying the database directly, stable under reordering.
        configurationBuilder.Properties<SupervisionClass>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PermitManagementType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IndustrialPark>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DepartmentKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PlaceKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<StationLevel>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PlanStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CampaignKind>().HaveConversion<string>().HaveMaxLength(48);
        configurationBuilder.Properties<ReportingKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Monitoring.MonitoringMedium>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Monitoring.ReadingKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Monitoring.Comparison.ComparisonSource>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Monitoring.Leads.DismissKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Draws.DrawStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Inspections.TaskSource>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Inspections.TaskStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Problems.ProblemCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Problems.ProblemStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Problems.MeasureKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Problems.ProblemEventKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Problems.EscalationKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Reports.RosterRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Inspections.InspectionMode>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Inspections.CheckAnswer>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Complaints.ComplaintChannel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Complaints.ComplaintCategory>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Complaints.MatchMethod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Complaints.MatchStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Complaints.ComplaintStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
