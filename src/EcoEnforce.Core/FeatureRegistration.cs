using EcoEnforce.Campaigns;
using EcoEnforce.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce;

public static class FeatureRegistration
{
    /// <summary>Every use-case handler; a convention test checks none is missing.</summary>
    public static IServiceCollection AddEcoEnforceFeatures(this IServiceCollection services) => services
        // The app's counters, wherever handlers that count (draws, lead scans) run.
        .AddSingleton<Common.EcoEnforceMetrics>()
        // Aggregates of the ledger kept until it changes (Problems.LedgerVersion).
        .AddMemoryCache()
        .AddScoped<Accounts.CreateUser.Handler>()
        .AddScoped<Auditing.VerifyAuditTrail.Handler>()
        .AddScoped<Organisation.SaveInspector.Handler>()
        .AddScoped<CopyPlan.Handler>()
        .AddScoped<RevisePlan.Handler>()
        .AddScoped<PublishPlan.Handler>()
        .AddScoped<UpdateCampaign.Handler>()
        .AddScoped<SaveEnterprise.Handler>()
        .AddScoped<ChangePositiveList.Handler>()
        .AddScoped<Places.ZoneMembers>()
        .AddScoped<Monitoring.ReadingStore>()
        .AddScoped<Monitoring.AssignDevice.Handler>()
        .AddScoped<ImportEntities.Handler>()
        .AddScoped<ExportEntities.Handler>()
        .AddScoped<Draws.DrawPool>()
        .AddScoped<Draws.RiskStratification>()
        .AddScoped<Common.Scheduling.JobLeases>()
        .AddScoped<Draws.SaveDrawRuleSet.Handler>()
        .AddScoped<Draws.CommitDraw.Handler>()
        .AddScoped<Draws.ExecuteDraw.Handler>()
        .AddScoped<Evidence.AddEvidence.Handler>()
        .AddScoped<Problems.OpenProblem.Handler>()
        .AddScoped<Problems.AddMeasure.Handler>()
        .AddScoped<Problems.ReportRectification.Handler>()
        .AddScoped<Problems.RecordVerification.Handler>()
        .AddScoped<Problems.Ledger.Handler>()
        .AddScoped<Problems.RepeatOffenders.Handler>()
        .AddScoped<Organisation.DeclareConflict.Handler>()
        .AddScoped<Inspections.CreateTask.Handler>()
        .AddScoped<Inspections.WorkOnTask.Handler>()
        .AddScoped<Problems.RecordEscalation.Handler>()
        .AddScoped<Reports.Roster.Handler>()
        .AddScoped<Reports.MonthlyReports.Handler>()
        .AddScoped<Disclosure.Publications.Handler>()
        .AddScoped<Monitoring.Leads.LeadScanner>()
        .AddScoped<Monitoring.Archive.ReadingCompactor>()
        .AddScoped<Monitoring.Comparison.ImportComparison>()
        .AddScoped<Places.MapLayers>()
        .AddScoped<Places.ZoneQuery>()
        .AddScoped<Places.ExamProtection>()
        .AddScoped<Monitoring.Leads.DecideLead>()
        .AddScoped<Reports.Summary.TypicalCases.Handler>()
        .AddSingleton(sp => sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?.GetSection(Complaints.ComplaintOptions.Section)
            .Get<Complaints.ComplaintOptions>() ?? new Complaints.ComplaintOptions())
        .AddScoped<Complaints.ComplaintIntake>()
        .AddScoped<Complaints.ComplaintQueries>()
        .AddScoped<Complaints.ReviewComplaint>()
        .AddScoped<Complaints.ImportComplaints.Handler>()
        .AddScoped<Complaints.RecordComplaint.Handler>()
        .AddScoped<Complaints.CreateHotSpotTasks.Handler>()
        .AddScoped<Backups.CreateBackup.Handler>()
        .AddScoped<Backups.RestoreBackup.Handler>()
        .AddSingleton(sp => Common.Pdf.ChromiumPdf.FromConfiguration(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()));
}
