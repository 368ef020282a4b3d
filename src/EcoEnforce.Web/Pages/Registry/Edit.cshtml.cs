using EcoEnforce.Data;
using EcoEnforce.Organisation;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Registry;

[Authorize(Policy = Infrastructure.Policies.Editor)]
public sealed class EditModel(EcoEnforceDb db, SaveEnterprise.Handler handler) : PageModel
{
    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public string CreditCode { get; set; } = "";
        public string Address { get; set; } = "";
        public int TownshipId { get; set; }
        public IndustrialPark Park { get; set; }
        public double Longitude { get; set; }
        public double Latitude { get; set; }
        public string IndustryCode { get; set; } = "";
        public SupervisionClass SupervisionClass { get; set; } = SupervisionClass.Ordinary;
        public PermitManagementType PermitType { get; set; }
        public string? PermitNumber { get; set; }
        public bool IsAutoMonitoringKeyUnit { get; set; }
        public bool IsNuclearTechUser { get; set; }
        public string? RadiationLicenceNumber { get; set; }
        public bool IsEnvironmentalRisk { get; set; }
        public bool IsChemical { get; set; }
        public bool IsConstructionSite { get; set; }
        public DateOnly? ConstructionStart { get; set; }
        public DateOnly? ConstructionEnd { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Department> Townships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadTownshipsAsync(ct);
        if (Id is null) return Page();
        var e = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (e is null) return NotFound();
        Input = new InputModel
        {
            Name = e.Name, CreditCode = e.CreditCode, Address = e.Address, TownshipId = e.TownshipId, Park = e.Park,
            Longitude = e.Longitude, Latitude = e.Latitude, IndustryCode = e.IndustryCode, SupervisionClass = e.SupervisionClass,
            PermitType = e.PermitType, PermitNumber = e.PermitNumber, IsAutoMonitoringKeyUnit = e.IsAutoMonitoringKeyUnit,
            IsNuclearTechUser = e.IsNuclearTechUser, RadiationLicenceNumber = e.RadiationLicenceNumber, IsEnvironmentalRisk = e.IsEnvironmentalRisk,
            IsChemical = e.IsChemical, IsConstructionSite = e.IsConstructionSite, ConstructionStart = e.ConstructionStart,
            ConstructionEnd = e.ConstructionEnd, ContactName = e.ContactName, ContactPhone = e.ContactPhone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadTownshipsAsync(ct);
            return Page();
        }
        var i = Input;
        var values = new Enterprise
        {
            Name = i.Name ?? "", CreditCode = i.CreditCode ?? "", Address = i.Address ?? "", TownshipId = i.TownshipId, Park = i.Park,
            Latitude = i.Latitude, Longitude = i.Longitude, IndustryCode = i.IndustryCode ?? "", SupervisionClass = i.SupervisionClass,
            PermitType = i.PermitType, PermitNumber = i.PermitNumber, IsAutoMonitoringKeyUnit = i.IsAutoMonitoringKeyUnit,
            IsNuclearTechUser = i.IsNuclearTechUser, RadiationLicenceNumber = i.RadiationLicenceNumber, IsEnvironmentalRisk = i.IsEnvironmentalRisk,
            IsChemical = i.IsChemical, IsConstructionSite = i.IsConstructionSite, ConstructionStart = i.ConstructionStart,
            ConstructionEnd = i.ConstructionEnd, ContactName = i.ContactName, ContactPhone = i.ContactPhone,
        };
        var result = await handler.HandleAsync(new SaveEnterprise.Command(Id, values), ct);
        if (result.Succeeded) return Redirect($"/Registry/{result.Value}");
        foreach (var e in result.Errors) ModelState.AddModelError("", $"{e.Field}：{e.Message}");
        await LoadTownshipsAsync(ct);
        return Page();
    }

    private async Task LoadTownshipsAsync(CancellationToken ct) =>
        Townships = await EcoEnforce.Organisation.DepartmentQueries.TownshipsAsync(db, ct);
}
