using System.IO.Compression;
using System.Security;
using System.Text;
using CsCheck;
using EcoEnforce.Tests.Fuzzing;

namespace EcoEnforce.Core.Tests.Fuzz;

/// <summary>One structural edit of the workbook model: which kind, where (fractions of rows and columns), which token.</summary>
public sealed record XlsxEdit(int Kind, double Row, double Column, int Token)
{
    public override string ToString() => $"{XlsxFuzzInputs.KindNames[Kind]}@{Row:F2},{Column:F2}/{Token}";
}

/// <summary>A fuzzed workbook: a valid table, structural edits to its sheet, then blind edits to the sheet's XML and to
/// the zip bytes (rarely: most cases should get past the zip and XML layers to the cell readers).</summary>
public sealed record XlsxCase(int Table, XlsxEdit[] Edits, Mutation[] XmlEdits, Mutation[] ZipEdits, byte[] Bytes)
{
    public override string ToString() =>
        $"table {Table}, edits [{string.Join(", ", Edits.AsEnumerable())}], xml [{string.Join(", ", XmlEdits.AsEnumerable())}], " +
        $"zip [{string.Join(", ", ZipEdits.AsEnumerable())}], {Bytes.Length} bytes";
}

/// <summary>Builds .xlsx files by hand (not through a library that would refuse the odd parts) from valid tables.</summary>
public static class XlsxFuzzInputs
{
    public static readonly string[] KindNames =
        ["value", "ref", "type", "style", "formula", "row-index", "many-rows", "wide-cell", "shared-index", "rich-shared",
         "no-shared-strings", "date-number", "number-format", "drop-cell", "blank-row"];

    private static readonly string[] Refs = ["XFD1048576", "XFD1", "A0", "", "1A", "ZZZZZ1", "A99999999999", "a1", "$A$1", "AAAAAAAAAAAA1"];
    private static readonly string[] Types = ["s", "b", "e", "str", "inlineStr", "n", "d", "foo", ""];
    private static readonly string[] Styles = ["1", "2", "3", "999999", "-1", "abc", "4294967295", "0"];
    private static readonly string[] RowIndexes = ["0", "4294967295", "2147483648", "-1", "abc", "1048577", "1", "", "2"];
    private static readonly string[] SharedIndexes = ["-1", "999999", "abc", "1.5", "", "2147483648", "0"];
    private static readonly string[] Numbers = ["-1", "0", "1e308", "2958466", "2958465.99999", "60", "0.5", "NaN", "1e-320", "44710.5"];
    private static readonly string[] FormatCodes = ["yyyy-mm-dd", "[Red]0.00", "\"d\"0", "[$-F800]dddd", "@", "", new('y', 5000),
        "[" + new string('[', 3000), "h:mm;@", "0.00E+00"];

    public static readonly Mutator Mutator = Mutator.With("<row r=\"1\">", "</row>", "<c r=\"XFD1048576\"><v>1</v></c>", "t=\"s\"",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "&#0;", "&#xD800;", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>", "xmlns:x=\"y\"");

    public static Gen<XlsxCase> For(IReadOnlyList<string[][]> tables)
    {
        var edit = Gen.Select(Gen.Int[0, KindNames.Length - 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, Mutator.Tokens.Count - 1],
            (k, r, c, t) => new XlsxEdit(k, r, c, t));
        // Blind byte edits are kept rare: one case in four edits the XML, one in eight the zip.
        var xml = Gen.Frequency((3, Gen.Const(Array.Empty<Mutation>())), (1, Mutator.Edits(4)));
        var zip = Gen.Frequency((7, Gen.Const(Array.Empty<Mutation>())), (1, Mutator.Edits(3)));
        return Gen.Select(Gen.Int[0, tables.Count - 1], edit.Array[0, 6], xml, zip, (t, edits, x, z) =>
            new XlsxCase(t, edits, x, z, Build(tables[t], edits, x, z)));
    }

    private sealed class Cell(string? value)
    {
        public string? Ref;
        public string? Type;
        public string? Style;
        public string? Value = value;
        public string? Formula;
        public bool Shared = value is not null && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    private sealed class Row(int number, List<Cell> cells)
    {
        public string? Index = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public List<Cell> Cells { get; } = cells;
    }

    public static byte[] Build(string[][] table, IEnumerable<XlsxEdit> edits, Mutation[] xmlEdits, Mutation[] zipEdits)
    {
        var rows = table.Select((r, i) => new Row(i + 1, [.. r.Select(v => new Cell(v))])).ToList();
        var sharedStrings = true;
        var formatCode = "yyyy-mm-dd";
        foreach (var e in edits)
        {
            var row = rows[Math.Min((int)(e.Row * rows.Count), rows.Count - 1)];
            var cell = row.Cells.Count == 0 ? null : row.Cells[Math.Min((int)(e.Column * row.Cells.Count), row.Cells.Count - 1)];
            var token = Encoding.UTF8.GetString(Mutator.Tokens[e.Token]);
            switch (KindNames[e.Kind])
            {
                case "value" when cell is not null: cell.Value = token; break;
                case "ref" when cell is not null: cell.Ref = Refs[e.Token % Refs.Length]; break;
                case "type" when cell is not null: cell.Type = Types[e.Token % Types.Length]; cell.Shared = false; break;
                case "style" when cell is not null: cell.Style = Styles[e.Token % Styles.Length]; break;
                case "formula" when cell is not null: cell.Formula = token; break;
                case "row-index": row.Index = RowIndexes[e.Token % RowIndexes.Length]; break;
                case "many-rows":
                    // Past the readers' row limits (20,000 for xlsx) with a few tokens, a giant dimension with most.
                    var count = e.Token % 32 == 0 ? 20_001 : (int)(e.Column * 400);
                    for (var i = 0; i < count; i++) rows.Add(new Row(rows.Count + 1, [.. row.Cells.Select(c => new Cell(c.Value) { Ref = c.Ref is ['X', 'F', 'D', ..] ? "XFD1" : null })]));
                    break;
                case "wide-cell": row.Cells.Add(new Cell(token) { Ref = $"XFD{row.Index}" }); break;
                case "shared-index" when cell is not null: cell.Shared = false; cell.Type = "s"; cell.Value = SharedIndexes[e.Token % SharedIndexes.Length]; break;
                case "rich-shared" when cell is not null: cell.Value = "\u0001rich" + token; cell.Shared = true; break;
                case "no-shared-strings": sharedStrings = false; break;
                case "date-number" when cell is not null: cell.Shared = false; cell.Type = null; cell.Style = "1"; cell.Value = Numbers[e.Token % Numbers.Length]; break;
                case "number-format": formatCode = FormatCodes[e.Token % FormatCodes.Length]; if (cell is not null) cell.Style = "2"; break;
                case "drop-cell" when cell is not null: row.Cells.Remove(cell); break;
                case "blank-row": rows.Insert(rows.IndexOf(row), new Row(0, []) { Index = row.Index }); break;
            }
        }

        var shared = new List<string>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        foreach (var row in rows)
        {
            sheet.Append("<row").Append(row.Index is null ? "" : $" r=\"{Xml(row.Index)}\"").Append('>');
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                if (cell.Value is null && cell.Formula is null) continue;
                var reference = cell.Ref ?? $"{EcoEnforce.Common.Excel.XlsxReader.ColumnName(c)}{row.Index}";
                var type = cell.Type ?? (cell.Shared ? "s" : null);
                sheet.Append("<c r=\"").Append(Xml(reference)).Append('"');
                if (type is not null) sheet.Append(" t=\"").Append(type).Append('"');
                if (cell.Style is not null) sheet.Append(" s=\"").Append(cell.Style).Append('"');
                sheet.Append('>');
                if (cell.Formula is not null) sheet.Append("<f>").Append(Xml(cell.Formula)).Append("</f>");
                if (type == "inlineStr") sheet.Append("<is><t>").Append(Xml(cell.Value ?? "")).Append("</t></is>");
                else if (cell.Shared && cell.Type is null && cell.Value is not null)
                {
                    shared.Add(cell.Value);
                    sheet.Append("<v>").Append(shared.Count - 1).Append("</v>");
                }
                else if (cell.Value is not null) sheet.Append("<v>").Append(Xml(cell.Value)).Append("</v>");
                sheet.Append("</c>");
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");

        var sheetXml = Mutator.Apply(Encoding.UTF8.GetBytes(sheet.ToString()), xmlEdits);
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes);
            Add(zip, "_rels/.rels", RootRels);
            Add(zip, "xl/workbook.xml", Workbook);
            Add(zip, "xl/_rels/workbook.xml.rels", sharedStrings ? WorkbookRels : WorkbookRels.Replace(SharedRel, "", StringComparison.Ordinal));
            Add(zip, "xl/styles.xml", Styles0.Replace("FORMAT", Xml(formatCode), StringComparison.Ordinal));
            zip.CreateEntry("xl/worksheets/sheet1.xml").Open().Using(s => s.Write(sheetXml));
            if (sharedStrings) Add(zip, "xl/sharedStrings.xml", SharedStrings(shared));
        }
        return Mutator.Apply(zipped.ToArray(), zipEdits);
    }

    private static string SharedStrings(List<string> items)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{items.Count}\" uniqueCount=\"{items.Count}\">");
        foreach (var s in items)
        {
            sb.Append(s.StartsWith('\u0001')
                // A rich string: formatted runs and a phonetic guide, whose text must not leak into the value.
                ? $"<si><r><rPr><b/></rPr><t>{Xml(s[1..])}</t></r><r><t xml:space=\"preserve\"> 尾</t></r><rPh sb=\"0\" eb=\"1\"><t>ピン</t></rPh></si>"
                : $"<si><t xml:space=\"preserve\">{Xml(s)}</t></si>");
        }
        return sb.Append("</sst>").ToString();
    }

    // Invalid XML characters are left in on purpose only through the blind XML edits; here text is escaped.
    private static string Xml(string text) => SecurityElement.Escape(new string([.. text.Where(c => c is '\t' or '\n' or '\r' or >= ' ' and not '\uFFFE' and not '\uFFFF' && !char.IsSurrogate(c))]));

    private static void Add(ZipArchive zip, string name, string content) =>
        zip.CreateEntry(name).Open().Using(s => s.Write(Encoding.UTF8.GetBytes(content)));

    private static void Using(this Stream stream, Action<Stream> write)
    {
        using (stream) write(stream);
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string ContentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>";
    private const string RootRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"" + Rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    private const string Workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + Main + "\" xmlns:r=\"" + Rel + "\">" +
        "<sheets><sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private const string SharedRel = "<Relationship Id=\"rId3\" Type=\"" + Rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    private const string WorkbookRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"" + Rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
        "<Relationship Id=\"rId2\" Type=\"" + Rel + "/styles\" Target=\"styles.xml\"/>" + SharedRel + "</Relationships>";
    private const string Styles0 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + Main + "\">" +
        "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"FORMAT\"/></numFmts>" +
        "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>" +
        "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>";
}
