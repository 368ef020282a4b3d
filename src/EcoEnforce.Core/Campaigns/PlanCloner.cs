namespace EcoEnforce.Campaigns;

/// <summary>Deep copies of a plan, for next year's draft and for a new version of a published plan.</summary>
public static class PlanCloner
{
    public static Plan Clone(Plan source, int year, DateTime nowUtc)
    {
        var shift = year - source.Year;
        DateOnly? Shift(DateOnly? d) => d?.AddYears(shift);
        string Retitle(string text) => shift == 0 ? text : text.Replace(source.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var plan = new Plan
        {
            Year = year,
            Title = Retitle(source.Title),
            Issuer = source.Issuer,
            IssuedOn = null,
            Status = PlanStatus.Draft,
            NoticeTitle = Retitle(source.NoticeTitle),
            NoticeAddressees = source.NoticeAddressees,
            NoticeBody = Retitle(source.NoticeBody),
            Preamble = source.Preamble,
            GeneralRequirements = source.GeneralRequirements,
            WorkRequirements = source.WorkRequirements,
            ContactName = source.ContactName,
            ContactPhone = source.ContactPhone,
            CreatedAtUtc = nowUtc,
        };
        foreach (var c in source.Campaigns.OrderBy(c => c.SortOrder))
        {
            var campaign = new Campaign
            {
                SortOrder = c.SortOrder,
                Kind = c.Kind,
                Title = c.Title,
                ShortName = c.ShortName,
                LegalBasis = c.LegalBasis,
                Scope = c.Scope,
                Focus = c.Focus,
                Schedule = c.Schedule,
                Participants = c.Participants,
                AnnexNumber = c.AnnexNumber,
                AnnexTitle = c.AnnexTitle is null ? null : Retitle(c.AnnexTitle),
                AnnexText = c.AnnexText,
                AnnexContactName = c.AnnexContactName,
                AnnexContactPhone = c.AnnexContactPhone,
                AnnexContactEmail = c.AnnexContactEmail,
                TargetUnitCount = c.TargetUnitCount,
                TargetUnitNote = c.TargetUnitNote,
            };
            campaign.Phases.AddRange(c.Phases.OrderBy(p => p.SortOrder).Select(p => new CampaignPhase
            {
                SortOrder = p.SortOrder, Name = p.Name, Start = Shift(p.Start), End = Shift(p.End), Source = p.Source, Description = p.Description,
            }));
            campaign.CheckItems.AddRange(c.CheckItems.OrderBy(i => i.SortOrder).Select(i => new CheckItem { SortOrder = i.SortOrder, Text = i.Text }));
            campaign.ReportingDeadlines.AddRange(c.ReportingDeadlines.Select(d => new ReportingDeadline
            {
                Kind = d.Kind, Due = Shift(d.Due), DayOfMonth = d.DayOfMonth, Text = d.Text,
            }));
            campaign.Departments.AddRange(c.Departments.Select(d => new CampaignDepartment { DepartmentId = d.DepartmentId }));
            plan.Campaigns.Add(campaign);
        }
        return plan;
    }
}
