namespace EcoEnforce.Inspections;

public static class InspectionLabels
{
    public static readonly IReadOnlyDictionary<TaskStatus, string> Statuses = new Dictionary<TaskStatus, string>
    {
        [TaskStatus.Planned] = "待检查",
        [TaskStatus.InProgress] = "检查中",
        [TaskStatus.Done] = "已完成",
        [TaskStatus.Cancelled] = "已取消",
    };

    public static readonly IReadOnlyDictionary<InspectionMode, string> Modes = new Dictionary<InspectionMode, string>
    {
        [InspectionMode.OnSite] = "现场",
        [InspectionMode.OffSite] = "非现场",
        [InspectionMode.Joint] = "联合",
    };

    public static readonly IReadOnlyDictionary<CheckAnswer, string> Answers = new Dictionary<CheckAnswer, string>
    {
        [CheckAnswer.Conforms] = "符合",
        [CheckAnswer.NonConforming] = "不符合",
        [CheckAnswer.NotApplicable] = "不适用",
    };
}
