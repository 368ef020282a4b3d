namespace EcoEnforce.Disclosure;

/// <summary>How long the bureau has to publish. Both periods are counted in working days from the day after the event.</summary>
public static class DisclosureDeadlines
{
    /// <summary>双随机 inspection results: within 20 working days of the inspection.</summary>
    public const int InspectionResultWorkingDays = 20;

    /// <summary>Administrative penalty decisions: within 7 working days of the decision.</summary>
    public const int PenaltyDecisionWorkingDays = 7;

    public static DateOnly InspectionResult(DateOnly inspectedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(inspectedOn, InspectionResultWorkingDays);

    public static DateOnly PenaltyDecision(DateOnly decidedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(decidedOn, PenaltyDecisionWorkingDays);
}
