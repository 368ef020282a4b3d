using System.Text.Json;
using EcoEnforce.Organisation;

namespace EcoEnforce.Campaigns;

/// <summary>The 2022 Fuling plan, transcribed word for word from the published notice into
/// <c>Seed/plan-2022.json</c> (embedded), turned into entities.</summary>
public static class PlanSeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SeedDocument Read2022()
    {
        using var stream = typeof(PlanSeed).Assembly.GetManifestResourceStream("EcoEnforce.Campaigns.Seed.plan-2022.json")
            ?? throw new InvalidOperationException("plan-2022.json is not embedded.");
        return JsonSerializer.Deserialize<SeedDocument>(stream, Json) ?? throw new InvalidOperationException("plan-2022.json is empty.");
    }

    public static Plan Load2022(IReadOnlyList<Department> departments, DateTime nowUtc)
    {
        var seed = Read2022();
        var issuedOn = DateOnly.Parse(seed.IssuedOn, System.Globalization.CultureInfo.InvariantCulture);
        var plan = new Plan
        {
            Year = seed.Year,
            Title = seed.Title,
            Issuer = seed.Issuer,
            IssuedOn = issuedOn,
            // The notice was published (“此件公开发布”) on its issue date, midnight Beijing time.
            Status = PlanStatus.Published,
            PublishedAtUtc = issuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Common.ChinaTime.Offset,
            PublishedBy = seed.Issuer,
            NoticeTitle = seed.Notice.Title,
            NoticeAddressees = seed.Notice.Addressees,
            NoticeBody = seed.Notice.Body,
            Preamble = seed.Preamble,
            GeneralRequirements = seed.GeneralRequirements,
            WorkRequirements = string.Join("\n", seed.WorkRequirements.Select((w, i) => $"（{ChineseOrdinal(i + 1)}）{w.Heading}\n{w.Text}")),
            ContactName = seed.Contact.Name,
            ContactPhone = seed.Contact.Phone,
            CreatedAtUtc = nowUtc,
        };
        foreach (var c in seed.Campaigns.OrderBy(c => c.Order))
            plan.Campaigns.Add(ToCampaign(c, departments));
        return plan;
    }

    private static Campaign ToCampaign(SeedCampaign c, IReadOnlyList<Department> departments)
    {
        var campaign = new Campaign
        {
            SortOrder = c.Order,
            Kind = Enum.Parse<CampaignKind>(c.Kind),
            Title = c.Title,
            ShortName = c.ShortName,
            LegalBasis = c.LegalBasis,
            Scope = c.Scope,
            Focus = c.Focus,
            Schedule = c.Schedule,
            Participants = c.Participants,
            AnnexNumber = c.Annex?.Number,
            AnnexTitle = c.Annex?.Title,
            AnnexText = c.Annex?.Text,
            AnnexContactName = c.Annex?.Contact?.Name,
            AnnexContactPhone = c.Annex?.Contact?.Phone,
            AnnexContactEmail = c.Annex?.Contact?.Email,
            TargetUnitCount = c.Annex?.TargetUnitCount,
            TargetUnitNote = c.Annex?.TargetUnitNote,
        };
        campaign.Phases.AddRange(c.Phases.Select((p, i) => new CampaignPhase
        {
            SortOrder = i + 1,
            Name = p.Name,
            Start = ParseDate(p.Start),
            End = ParseDate(p.End),
            Source = p.Source,
            Description = p.Description,
        }));
        campaign.CheckItems.AddRange(c.CheckItems.Select((text, i) => new CheckItem { SortOrder = i + 1, Text = text }));
        campaign.ReportingDeadlines.AddRange((c.Annex?.ReportingDeadlines ?? []).Select(d => new ReportingDeadline
        {
            Kind = Enum.Parse<ReportingKind>(d.Kind),
            Due = ParseDate(d.Due),
            DayOfMonth = d.DayOfMonth,
            Text = d.Text,
        }));
        // "执法总队" in the safety campaign is the source's own wording for the bureau's enforcement unit.
        foreach (var name in c.ParticipatingDepartments.Select(n => n == "执法总队" ? "执法支队" : n).Distinct())
        {
            var department = departments.FirstOrDefault(d => d.ShortName == name || d.Name == name)
                ?? throw new InvalidOperationException($"Campaign {c.Order} names unknown department '{name}'.");
            campaign.Departments.Add(new CampaignDepartment { DepartmentId = department.Id });
        }
        return campaign;
    }

    private static DateOnly? ParseDate(string? s) =>
        string.IsNullOrEmpty(s) ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static string ChineseOrdinal(int n) => "一二三四五六七八九十"[n - 1].ToString();

    public sealed record SeedDocument(
        int Year, string Title, string Issuer, string IssuedOn, SeedNotice Notice, string Preamble, string GeneralRequirements,
        IReadOnlyList<SeedWorkRequirement> WorkRequirements, SeedContact Contact, IReadOnlyList<SeedCampaign> Campaigns,
        JsonElement AnnexForms);

    public sealed record SeedNotice(string Title, string Addressees, string Body, string? Disclosure);
    public sealed record SeedWorkRequirement(string Heading, string Text);
    public sealed record SeedContact(string? Name, string? Phone, string? Email);

    public sealed record SeedCampaign(
        int Order, string Kind, string Title, string ShortName, string? LegalBasis, string Scope, string Focus, string Schedule,
        string Participants, IReadOnlyList<string> ParticipatingDepartments, IReadOnlyList<SeedPhase> Phases, SeedAnnex? Annex,
        IReadOnlyList<string> CheckItems);

    public sealed record SeedPhase(string Name, string? Start, string? End, string Source, string? Description);

    public sealed record SeedAnnex(
        int Number, string Title, string Text, SeedContact? Contact, int? TargetUnitCount, string? TargetUnitNote,
        IReadOnlyList<SeedDeadline>? ReportingDeadlines);

    public sealed record SeedDeadline(string Kind, string? Due, int? DayOfMonth, string Text);
}
