using Microsoft.AspNetCore.Mvc;

namespace EcoEnforce.Web.Infrastructure;

public static class ChineseModelBinding
{
    /// <summary>Form values that do not parse (a letter in a number field, a bad date) are reported in Chinese.</summary>
    public static void Apply(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
        m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
        m.SetValueMustBeANumberAccessor(field => $"{field}必须是数字");
        m.SetMissingBindRequiredValueAccessor(field => $"缺少{field}");
        m.SetMissingKeyOrValueAccessor(() => "缺少值");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空");
        m.SetValueMustNotBeNullAccessor(value => $"“{value}”不能为空");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "输入无效");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}无效");
    }
}
