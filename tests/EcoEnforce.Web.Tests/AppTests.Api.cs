using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoEnforce.Web.Tests;

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_token_opens_the_2022_plan_with_its_eight_campaigns_phases_and_checks()
    {
        var api = await ApiAsync();
        var plans = await api.GetFromJsonAsync<JsonElement>("/api/v1/plans", Ct);
        var plan2022 = plans.EnumerateArray().Single(p => p.GetProperty("year").GetInt32() == 2022 && p.GetProperty("version").GetInt32() == 1);
        var id = plan2022.GetProperty("id").GetInt32();

        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}", Ct);
        var campaigns = plan.GetProperty("campaigns").EnumerateArray().ToList();
        Assert.Equal(8, campaigns.Count);
        Assert.Equal("Water", campaigns[0].GetProperty("kind").GetString());
        var monitoring = campaigns.Single(c => c.GetProperty("kind").GetString() == "AutoMonitoringFraud");
        Assert.Equal(10, monitoring.GetProperty("checkItems").GetArrayLength());
        Assert.Equal(52, monitoring.GetProperty("targetUnitCount").GetInt32());
        Assert.Contains(campaigns[0].GetProperty("phases").EnumerateArray(), p => p.GetProperty("name").GetString() == "自查自纠");
    }

    [Fact]
    public async Task An_unknown_plan_is_404()
    {
        var api = await ApiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/plans/999999", Ct)).StatusCode);
    }

    [Fact]
    public async Task Entities_are_filtered_and_paged()
    {
        var api = await ApiAsync();
        var nuclear = await api.GetFromJsonAsync<JsonElement>("/api/v1/entities?flag=nuclear&pageSize=10&page=2", Ct);
        Assert.Equal(84, nuclear.GetProperty("total").GetInt32());
        Assert.Equal(10, nuclear.GetProperty("items").GetArrayLength());
        Assert.All(nuclear.GetProperty("items").EnumerateArray(),
            e => Assert.Contains("nuclear", e.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));

        var keyPolluters = await api.GetFromJsonAsync<JsonElement>("/api/v1/entities?supervisionClass=KeyPolluter&park=Lidu", Ct);
        Assert.All(keyPolluters.GetProperty("items").EnumerateArray(), e =>
        {
            Assert.Equal("KeyPolluter", e.GetProperty("supervisionClass").GetString());
            Assert.Equal("李渡工业园区", e.GetProperty("park").GetString());
        });

        var first = nuclear.GetProperty("items")[0].GetProperty("id").GetInt32();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/entities/{first}", Ct);
        Assert.StartsWith("渝环辐证", detail.GetProperty("radiationLicenceNumber").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_query_parameters_are_a_validation_problem()
    {
        var api = await ApiAsync();
        var response = await api.GetAsync("/api/v1/entities?flag=everything", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var tooBig = await api.GetAsync("/api/v1/entities?pageSize=100000", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Theory]
    [InlineData("{\"username\": \"admin\", ")]
    [InlineData("[1,2,3]")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        App.SkipIfUnavailable();
        var response = await App.Anonymous().PostAsync("/api/v1/auth/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_on_the_token_endpoint_is_a_401_problem()
    {
        App.SkipIfUnavailable();
        var response = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "nope" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("用户名或密码错误", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_routes()
    {
        var api = await ApiAsync();
        var doc = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/plans/{id}", paths);
        Assert.Contains("/api/v1/entities", paths);
    }
}
