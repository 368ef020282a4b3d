using EcoEnforce.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoEnforce.Web.Api;

public static class ApiProblems
{
    /// <summary>A handler's expected failures as a 400 ValidationProblem, the Chinese messages grouped by field.</summary>
    public static ValidationProblem ToValidationProblem(this IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}
