using EcoEnforce.Registry;

namespace EcoEnforce.Core.Tests.Registry;

public sealed class EnterpriseRulesTests
{
    [Fact]
    public void A_complete_ordinary_entity_is_valid() => Assert.Empty(EnterpriseRules.Validate(Some.Enterprise()));

    [Fact]
    public void Nuclear_technology_users_need_a_radiation_licence()
    {
        var e = Some.Enterprise();
        e.IsNuclearTechUser = true;
        Assert.Contains(EnterpriseRules.Validate(e), x => x.Field == RegistryColumns.RadiationLicence);
        e.RadiationLicenceNumber = "渝环辐证[10001]";
        Assert.Empty(EnterpriseRules.Validate(e));
    }

    [Fact]
    public void A_radiation_licence_without_the_nuclear_flag_is_inconsistent()
    {
        var e = Some.Enterprise();
        e.RadiationLicenceNumber = "渝环辐证[10001]";
        Assert.Contains(EnterpriseRules.Validate(e), x => x.Field == RegistryColumns.NuclearUser);
    }

    [Fact]
    public void Automatic_monitoring_key_units_must_be_key_polluters_or_key_permit_holders()
    {
        var e = Some.Enterprise();
        e.IsAutoMonitoringKeyUnit = true;
        Assert.Contains(EnterpriseRules.Validate(e), x => x.Field == RegistryColumns.AutoMonitoring);
        e.PermitType = PermitManagementType.Key;
        e.PermitNumber = "91500102MA5U5X8Y1B001P";
        Assert.Empty(EnterpriseRules.Validate(e));
    }

    [Fact]
    public void Key_and_simplified_permit_holders_need_a_permit_number()
    {
        var e = Some.Enterprise();
        e.PermitType = PermitManagementType.Simplified;
        Assert.Contains(EnterpriseRules.Validate(e), x => x.Field == RegistryColumns.PermitNumber);
        e.PermitType = PermitManagementType.Registration;
        Assert.Empty(EnterpriseRules.Validate(e));
    }

    [Fact]
    public void Construction_sites_need_a_project_period_in_order()
    {
        var e = Some.Enterprise();
        e.IsConstructionSite = true;
        Assert.Contains(EnterpriseRules.Validate(e), x => x.Field == RegistryColumns.ConstructionStart);
        e.ConstructionStart = new DateOnly(2022, 8, 1);
        e.ConstructionEnd = new DateOnly(2022, 7, 1);
        Assert.Contains(EnterpriseRules.Validate(e), x => x.Field == RegistryColumns.ConstructionEnd);
        e.ConstructionEnd = new DateOnly(2023, 7, 1);
        Assert.Empty(EnterpriseRules.Validate(e));
    }

    [Fact]
    public void Swapped_coordinates_are_caught()
    {
        var e = Some.Enterprise();
        (e.Latitude, e.Longitude) = (e.Longitude, e.Latitude);
        Assert.Contains(EnterpriseRules.Validate(e), x => x.Message.Contains("填反", StringComparison.Ordinal));
    }

    [Fact]
    public void Positive_list_periods_need_a_reason_and_an_order()
    {
        var e = Some.Enterprise();
        e.PositiveListEntries.Add(new PositiveListEntry { From = new DateOnly(2022, 12, 1), To = new DateOnly(2022, 1, 1), Reason = "" });
        var errors = EnterpriseRules.Validate(e);
        Assert.Contains(errors, x => x.Field == RegistryColumns.PositiveListTo);
        Assert.Contains(errors, x => x.Field == RegistryColumns.PositiveListReason);
    }

    [Fact]
    public void Positive_list_membership_holds_only_within_its_period()
    {
        var e = Some.Enterprise();
        e.PositiveListEntries.Add(new PositiveListEntry { From = new DateOnly(2022, 1, 1), To = new DateOnly(2022, 12, 31), Reason = "守法记录良好" });
        Assert.True(e.IsOnPositiveList(new DateOnly(2022, 6, 1)));
        Assert.False(e.IsOnPositiveList(new DateOnly(2023, 1, 1)));
    }

    [Theory]
    [InlineData("C2614", true)]
    [InlineData("2614", true)]
    [InlineData("C26", true)]
    [InlineData("Z2614", false)]
    [InlineData("C26145", false)]
    [InlineData("化工", false)]
    public void Industry_codes_follow_GB_T_4754(string code, bool valid) => Assert.Equal(valid, EnterpriseRules.IsIndustryCode(code));
}
