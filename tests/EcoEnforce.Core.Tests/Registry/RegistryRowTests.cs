using EcoEnforce.Organisation;
using EcoEnforce.Registry;

namespace EcoEnforce.Core.Tests.Registry;

public sealed class RegistryRowTests
{
    private static readonly Dictionary<string, Department> Townships = new()
    {
        ["李渡街道"] = new Department { Id = 7, Name = "李渡街道", ShortName = "李渡街道", Kind = DepartmentKind.Street },
    };

    private static Dictionary<string, string> ValidRow() => new()
    {
        [RegistryColumns.Name] = "重庆某化工有限公司",
        [RegistryColumns.CreditCode] = Some.Code(),
        [RegistryColumns.Address] = "李渡街道聚龙大道1号",
        [RegistryColumns.Township] = "李渡街道",
        [RegistryColumns.Park] = "李渡",
        [RegistryColumns.Longitude] = "107.27",
        [RegistryColumns.Latitude] = "29.77",
        [RegistryColumns.IndustryCode] = "c2614",
        [RegistryColumns.SupervisionClass] = "重点排污单位",
        [RegistryColumns.PermitType] = "重点管理",
        [RegistryColumns.PermitNumber] = "91500102MA5U5X8Y1B001P",
        [RegistryColumns.AutoMonitoring] = "是",
        [RegistryColumns.PositiveListFrom] = "2022/1/1",
        [RegistryColumns.PositiveListTo] = "2022-12-31",
        [RegistryColumns.PositiveListReason] = "守法记录良好",
    };

    [Fact]
    public void A_valid_row_becomes_an_entity_with_labels_resolved()
    {
        var (entity, errors) = RegistryRow.Parse(ValidRow().GetValueOrDefault, Townships);
        Assert.Empty(errors);
        Assert.NotNull(entity);
        Assert.Equal(7, entity.TownshipId);
        Assert.Equal(IndustrialPark.Lidu, entity.Park);
        Assert.Equal("C2614", entity.IndustryCode);
        Assert.Equal(SupervisionClass.KeyPolluter, entity.SupervisionClass);
        Assert.True(entity.IsAutoMonitoringKeyUnit);
        Assert.Equal(new DateOnly(2022, 1, 1), Assert.Single(entity.PositiveListEntries).From);
    }

    [Fact]
    public void Every_bad_cell_is_reported_against_its_column()
    {
        var row = ValidRow();
        row[RegistryColumns.CreditCode] = "123";
        row[RegistryColumns.Township] = "火星街道";
        row[RegistryColumns.Longitude] = "东经107度";
        row[RegistryColumns.SupervisionClass] = "超级重点";
        row[RegistryColumns.AutoMonitoring] = "也许";
        row[RegistryColumns.PositiveListTo] = "明年";
        var (entity, errors) = RegistryRow.Parse(row.GetValueOrDefault, Townships);
        Assert.Null(entity);
        Assert.Equal(
            new[] { RegistryColumns.CreditCode, RegistryColumns.Township, RegistryColumns.Longitude, RegistryColumns.SupervisionClass,
                    RegistryColumns.AutoMonitoring, RegistryColumns.PositiveListTo }.Order(),
            errors.Select(e => e.Field).Distinct().Order());
    }

    [Fact]
    public void Missing_required_cells_say_they_cannot_be_empty()
    {
        var (_, errors) = RegistryRow.Parse(_ => null, Townships);
        Assert.Contains(errors, e => e.Field == RegistryColumns.Name && e.Message == "不能为空");
        Assert.Contains(errors, e => e.Field == RegistryColumns.Township && e.Message == "不能为空");
        Assert.Contains(errors, e => e.Field == RegistryColumns.Latitude);
    }

    [Fact]
    public void Export_cells_parse_back_to_the_same_entity()
    {
        var (entity, _) = RegistryRow.Parse(ValidRow().GetValueOrDefault, Townships);
        entity!.Township = Townships["李渡街道"];
        var cells = RegistryRow.ToCells(entity);
        var byColumn = RegistryColumns.All.Zip(cells).ToDictionary(p => p.First, p => p.Second.Value switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            double x => x.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var v => v.ToString(),
        });
        var (again, errors) = RegistryRow.Parse(byColumn.GetValueOrDefault, Townships);
        Assert.Empty(errors);
        again!.Township = entity.Township;
        Assert.Equivalent(entity, again);
    }
}
