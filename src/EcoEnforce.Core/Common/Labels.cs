using EcoEnforce.Campaigns;
using EcoEnforce.Organisation;
using EcoEnforce.Places;
using EcoEnforce.Registry;

namespace EcoEnforce.Common;

/// <summary>The Chinese words for coded values, shared by views, Excel files and the API.</summary>
public static class Labels
{
    public static readonly IReadOnlyDictionary<SupervisionClass, string> SupervisionClasses = new Dictionary<SupervisionClass, string>
    {
        [SupervisionClass.KeyPolluter] = "重点排污单位",
        [SupervisionClass.Ordinary] = "一般排污单位",
        [SupervisionClass.Special] = "特殊监管对象",
    };

    public static readonly IReadOnlyDictionary<PermitManagementType, string> PermitTypes = new Dictionary<PermitManagementType, string>
    {
        [PermitManagementType.None] = "无",
        [PermitManagementType.Key] = "重点管理",
        [PermitManagementType.Simplified] = "简化管理",
        [PermitManagementType.Registration] = "登记管理",
    };

    public static readonly IReadOnlyDictionary<IndustrialPark, string> Parks = new Dictionary<IndustrialPark, string>
    {
        [IndustrialPark.None] = "",
        [IndustrialPark.Lidu] = "李渡工业园区",
        [IndustrialPark.Longqiao] = "龙桥工业园区",
        [IndustrialPark.Qingxi] = "清溪工业园区",
        [IndustrialPark.Baitao] = "白涛工业园区",
    };

    public static readonly IReadOnlyDictionary<DepartmentKind, string> DepartmentKinds = new Dictionary<DepartmentKind, string>
    {
        [DepartmentKind.Bureau] = "区生态环境局",
        [DepartmentKind.Section] = "局科室",
        [DepartmentKind.Partner] = "协作部门",
        [DepartmentKind.Township] = "镇",
        [DepartmentKind.Street] = "街道",
        [DepartmentKind.ParkAdministration] = "园区管委会",
    };

    public static readonly IReadOnlyDictionary<PlanStatus, string> PlanStatuses = new Dictionary<PlanStatus, string>
    {
        [PlanStatus.Draft] = "草稿",
        [PlanStatus.Published] = "已发布",
        [PlanStatus.Superseded] = "已被新版本替代",
    };

    public static readonly IReadOnlyDictionary<PlaceKind, string> PlaceKinds = new Dictionary<PlaceKind, string>
    {
        [PlaceKind.AirStation] = "空气质量监测站点",
        [PlaceKind.DrinkingWaterSource] = "饮用水水源保护区",
        [PlaceKind.ExamVenue] = "考点",
        [PlaceKind.River] = "河流",
    };

    public static readonly IReadOnlyDictionary<StationLevel, string> StationLevels = new Dictionary<StationLevel, string>
    {
        [StationLevel.None] = "",
        [StationLevel.National] = "国控",
        [StationLevel.Municipal] = "市控",
        [StationLevel.District] = "区控",
    };

    /// <summary>What an audit entry's row is, for people reading the trail.</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>
    {
        ["Enterprise"] = "检查对象", ["PositiveListEntry"] = "正面清单", ["Inspector"] = "执法人员", ["Department"] = "单位",
        ["Place"] = "重点区域", ["PlaceActivePeriod"] = "区域生效时段", ["Plan"] = "检查计划", ["Campaign"] = "专项",
        ["CampaignPhase"] = "专项阶段", ["CheckItem"] = "检查事项", ["ReportingDeadline"] = "报送要求", ["CampaignDepartment"] = "参与部门",
        ["AppUser"] = "用户", ["IdentityRole"] = "角色", ["IdentityUserRole`1"] = "用户角色", ["MonitoringPoint"] = "监测排口",
        ["MonitoringLimit"] = "排放限值", ["DataProtectionKey"] = "加密密钥",
        ["InspectorConflict"] = "回避关系", ["DrawRuleSet"] = "抽查规则", ["Draw"] = "双随机抽查", ["InspectionTask"] = "检查任务",
        ["TaskCampaign"] = "任务专项", ["TaskInspector"] = "检查组成员", ["InspectionRecord"] = "现场检查笔录", ["RecordInspector"] = "到场执法人员",
        ["ChecklistAnswer"] = "检查表答案", ["EvidenceFile"] = "证据材料", ["Problem"] = "问题", ["ProblemMeasure"] = "处理措施",
        ["ProblemEvent"] = "问题经过", ["Escalation"] = "屡查屡犯措施", ["RosterEntry"] = "联络员名单",
        ["MonthlyReport"] = "月度报表", ["TypicalCase"] = "典型案例", ["Publication"] = "信息公开", ["Lead"] = "数据线索",
        ["Complaint"] = "投诉举报", ["ComparisonReading"] = "三方比对数据",
        ["IdentityUserClaim`1"] = "用户声明", ["IdentityUserLogin`1"] = "外部登录", ["IdentityUserToken`1"] = "用户令牌", ["IdentityRoleClaim`1"] = "角色声明",
    };

    public static readonly IReadOnlyDictionary<Inspections.TaskSource, string> TaskSources = new Dictionary<Inspections.TaskSource, string>
    {
        [Inspections.TaskSource.RandomDraw] = "双随机",
        [Inspections.TaskSource.Complaint] = "投诉举报",
        [Inspections.TaskSource.Referral] = "上级转办",
        [Inspections.TaskSource.DataLead] = "大数据平台推动",
        [Inspections.TaskSource.DepartmentTransfer] = "部门移交",
        [Inspections.TaskSource.Routine] = "日常排查",
        [Inspections.TaskSource.Other] = "其他",
    };

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>Parses a label back to its value; accepts the label with or without a suffix such as 工业园区.</summary>
    public static bool TryParse<T>(IReadOnlyDictionary<T, string> labels, string? text, out T value) where T : notnull
    {
        var t = (text ?? "").Trim();
        foreach (var (key, label) in labels)
        {
            if (label.Length > 0 && (label == t || (t.Length >= 2 && label.StartsWith(t, StringComparison.Ordinal))))
            {
                value = key;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public static readonly IReadOnlyDictionary<Problems.ProblemCategory, string> ProblemCategories = new Dictionary<Problems.ProblemCategory, string>
    {
        [Problems.ProblemCategory.Water] = "水",
        [Problems.ProblemCategory.Air] = "大气",
        [Problems.ProblemCategory.SolidHazardousWaste] = "固危废",
        [Problems.ProblemCategory.Permit] = "排污许可",
        [Problems.ProblemCategory.ConstructionProject] = "建设项目",
        [Problems.ProblemCategory.NatureReserve] = "自然保护地",
        [Problems.ProblemCategory.AutoMonitoring] = "自动监控",
        [Problems.ProblemCategory.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<Problems.MeasureKind, string> MeasureKinds = new Dictionary<Problems.MeasureKind, string>
    {
        [Problems.MeasureKind.CriticismEducation] = "批评教育",
        [Problems.MeasureKind.Interview] = "约谈并收承诺书",
        [Problems.MeasureKind.WrittenOrder] = "书面责令改正",
        [Problems.MeasureKind.Penalty] = "行政处罚",
        [Problems.MeasureKind.Detention] = "移送拘留",
        [Problems.MeasureKind.CriminalReferral] = "移送刑事案件",
        [Problems.MeasureKind.ClosureApplication] = "依法申请关停",
    };

    public static readonly IReadOnlyDictionary<Problems.ProblemStatus, string> ProblemStatuses = new Dictionary<Problems.ProblemStatus, string>
    {
        [Problems.ProblemStatus.Open] = "待整改",
        [Problems.ProblemStatus.AwaitingVerification] = "待核查",
        [Problems.ProblemStatus.Closed] = "已销号",
    };
}
