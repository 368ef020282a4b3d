using EcoEnforce.Disclosure;
using static EcoEnforce.Disclosure.PersonalDataMasker;

namespace EcoEnforce.Core.Tests.Disclosure;

public sealed class PersonalDataMaskerTextTests
{
    [Theory]
    [InlineData("500102198001011231", IdNumberToken)]
    [InlineData("11010519491231002X", IdNumberToken)]
    [InlineData("11010519491231002x", IdNumberToken)]
    [InlineData("５００１０２１９８００１０１１２３１", IdNumberToken)]
    [InlineData("500102800101123", IdNumberToken)]
    [InlineData("500102 19800101 1231", IdNumberToken)]
    [InlineData("6222021234567890123", BankAccountToken)]
    [InlineData("6222 0212 3456 7890", BankAccountToken)]
    [InlineData("6217 0000 1234 5678 901", BankAccountToken)]
    [InlineData("13812345678", PhoneToken)]
    [InlineData("+86 138 1234 5678", PhoneToken)]
    [InlineData("86-138-1234-5678", PhoneToken)]
    [InlineData("023-72899063", PhoneToken)]
    [InlineData("(023)72899063", PhoneToken)]
    [InlineData("（023）72899063", PhoneToken)]
    [InlineData("023 7289 9063", PhoneToken)]
    [InlineData("zhangsan@163.com", EmailToken)]
    [InlineData("li.si+env@fl.gov.cn", EmailToken)]
    public void A_field_holding_only_personal_data_becomes_its_token(string value, string token) =>
        Assert.Equal(token, MaskText(value));

    [Theory]
    [InlineData("身份证号：500102198001011234", "身份证号：" + IdNumberToken)]
    [InlineData("公民身份号码为500102800101123", "公民身份号码为" + IdNumberToken)]
    [InlineData("联系电话：72899063", "联系电话：" + PhoneToken)]
    [InlineData("tel:72899063", "tel:" + PhoneToken)]
    [InlineData("电话：023-72899063、72899065", "电话：" + PhoneToken + "、" + PhoneToken)]
    [InlineData("联系电话：(023)72899063，或13800000000/72899066", "联系电话：" + PhoneToken + "，或" + PhoneToken + "/" + PhoneToken)]
    [InlineData("电话：13800000000；样品72899066", "电话：" + PhoneToken + "；样品72899066")]
    [InlineData("出生日期：1980年3月5日", BirthDateToken)]
    [InlineData("出生日期：一九八〇年三月五日", BirthDateToken)]
    [InlineData("出生年月：1980年3月", BirthDateToken)]
    [InlineData("出生日期为1980年3月5日", BirthDateToken)]
    [InlineData("出生于1980-03-05", BirthDateToken)]
    [InlineData("生于1980.3.5，汉族", BirthDateToken + "，汉族")]
    [InlineData("男，1980年3月5日生，汉族", "男，" + BirthDateToken + "，汉族")]
    [InlineData("男，1980年3月5日出生", "男，" + BirthDateToken)]
    public void Labels_in_the_text_decide_what_a_number_is(string text, string expected) =>
        Assert.Equal(expected, MaskText(text));

    [Fact]
    public void Every_category_is_masked_inside_chinese_text_without_spaces()
    {
        const string text = "当事人张某（身份证号码500102198001011231，联系电话13812345678，座机（023）72899063，"
            + "邮箱zhangsan@163.com，男，1980年3月5日出生）通过账户6222021234567890123收取处置费12.5万元。";
        Assert.Equal(
            "当事人张某（身份证号码" + IdNumberToken + "，联系电话" + PhoneToken + "，座机" + PhoneToken + "，"
            + "邮箱" + EmailToken + "，男，" + BirthDateToken + "）通过账户" + BankAccountToken + "收取处置费12.5万元。",
            MaskText(text));
    }

    [Theory]
    [InlineData("统一社会信用代码：91500102MA5U3XXX0Y")]
    [InlineData("重庆某化工有限公司（91500102MA5U3XXX0Y）")]
    [InlineData("统一社会信用代码915001021234567890")]
    [InlineData("排污许可证编号91500102MA5U3XXX0Y001P")]
    [InlineData("渝（涪）环罚〔2022〕12号")]
    [InlineData("涪环罚字〔2022〕第0012号")]
    [InlineData("处罚款12.5万元，即125000元")]
    [InlineData("2022年8月3日，执法人员到现场检查")]
    [InlineData("检查时间：2022-08-03 14:30:00")]
    [InlineData("事故发生于2022年8月3日")]
    [InlineData("2022年8月3日生产记录缺失")]
    [InlineData("MN：50010200000001")]
    [InlineData("MN=5001020000000112345678")]
    [InlineData("设备编号88888888888888888")]
    [InlineData("东经107.389512°，北纬29.703268°")]
    [InlineData("坐标（107.389512,29.703268），高程0.13812345678千米")]
    [InlineData("COD浓度为123.45mg/L，超标0.23倍，样品编号20220803")]
    public void Public_numbers_are_left_alone(string text) => Assert.Equal(text, MaskText(text));

    [Theory]
    [InlineData("身份证号500102198001011231，电话：023-72899063、72899065，生于1980年3月5日，邮箱a@b.cn")]
    [InlineData("账号6222 0212 3456 7890，手机+86 138 1234 5678")]
    [InlineData("500102198001011234")]
    public void Masking_twice_is_the_same_as_masking_once(string text)
    {
        var once = MaskText(text);
        Assert.NotEqual(text, once);
        Assert.Equal(once, MaskText(once));
    }

    [Fact]
    public void An_unlabelled_18_digit_number_that_is_not_a_valid_id_is_still_masked_as_an_account() =>
        Assert.Equal(BankAccountToken, MaskText("500102198001011234"));

    [Theory]
    [InlineData("500102198001011231", true)]
    [InlineData("11010519491231002X", true)]
    [InlineData("500102198001011234", false)] // check digit
    [InlineData("500102198002301230", false)] // 2 月 30 日
    [InlineData("990102198001011231", false)] // no province 99
    [InlineData("500102800101123", true)]
    [InlineData("500102801301123", false)]
    public void Resident_id_numbers_are_checked_per_GB_11643(string id, bool valid) =>
        Assert.Equal(valid, ResidentIdNumber.IsValid(id));
}
