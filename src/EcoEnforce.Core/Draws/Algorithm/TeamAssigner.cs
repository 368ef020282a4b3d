using System.Globalization;
using EcoEnforce.Common;

namespace EcoEnforce.Draws;

/// <summary>Gives each drawn object a team: distinct inspectors, none to be avoided, the first from the lead
/// department when there is one, each chosen uniformly among the eligible inspectors with the fewest assignments so
/// far in this draw (the r-th of them in key order, r = UniformBelow(their number)).</summary>
internal sealed class TeamAssigner
{
    private readonly DrawRules _rules;
    private readonly PoolInspector[] _inspectors;
    private readonly Dictionary<string, int> _byKey;
    private readonly int[] _load;
    private readonly bool[] _excluded;
    private readonly List<int> _marked = [];
    private readonly LoadTree _all;
    private readonly LoadTree? _lead;
    private readonly int[] _leadPosition;
    private readonly int[] _leadMembers;

    public TeamAssigner(DrawRules rules, PoolInspector[] sortedInspectors)
    {
        _rules = rules;
        _inspectors = sortedInspectors;
        _byKey = new Dictionary<string, int>(sortedInspectors.Length, StringComparer.Ordinal);
        for (var i = 0; i < sortedInspectors.Length; i++) _byKey[sortedInspectors[i].Key] = i;
        _load = new int[sortedInspectors.Length];
        _excluded = new bool[sortedInspectors.Length];
        _all = new LoadTree(sortedInspectors.Length);
        _leadPosition = new int[sortedInspectors.Length];
        Array.Fill(_leadPosition, -1);
        var lead = new List<int>();
        if (!string.IsNullOrEmpty(rules.LeadDepartment))
        {
            for (var i = 0; i < sortedInspectors.Length; i++)
            {
                if (!string.Equals(sortedInspectors[i].Department, rules.LeadDepartment, StringComparison.Ordinal)) continue;
                _leadPosition[i] = lead.Count;
                lead.Add(i);
            }
            _lead = new LoadTree(lead.Count);
        }
        _leadMembers = [.. lead];
    }

    /// <summary>The team for the task with 1-based <paramref name="order"/>, or the reason there can be none.</summary>
    public Result<string[]> Assign(PoolObject target, int order, DrawStream stream)
    {
        stream.Start("team/" + order.ToString(CultureInfo.InvariantCulture));
        try
        {
            ExcludeAll(target.Conflicts);
            if (_rules.AvoidPreviousInspector) ExcludeAll(target.PreviousInspectors);
            var avoided = _marked.Count;
            var team = new string[_rules.TeamSize];
            for (var slot = 0; slot < team.Length; slot++)
            {
                var tree = slot == 0 && _lead is not null ? _lead : _all;
                if (tree.MinCount == 0) return Fail(target, avoided, tree == _lead);
                var found = tree.FindMinRank(stream.UniformBelow(tree.MinCount));
                var chosen = tree == _lead ? _leadMembers[found] : found;
                team[slot] = _inspectors[chosen].Key;
                _load[chosen]++;
                Exclude(chosen);
            }
            return Result<string[]>.Ok(team);
        }
        finally
        {
            foreach (var i in _marked) SetLoad(i, _load[i]);
            foreach (var i in _marked) _excluded[i] = false;
            _marked.Clear();
        }
    }

    private void ExcludeAll(IReadOnlyList<string> keys)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            if (_byKey.TryGetValue(keys[k], out var i)) Exclude(i);
        }
    }

    private void Exclude(int i)
    {
        if (_excluded[i]) return;
        _excluded[i] = true;
        _marked.Add(i);
        SetLoad(i, LoadTree.Excluded);
    }

    private void SetLoad(int i, int load)
    {
        _all.Set(i, load);
        if (_leadPosition[i] >= 0) _lead!.Set(_leadPosition[i], load);
    }

    private Result<string[]> Fail(PoolObject target, int avoided, bool lead)
    {
        var message = lead
            ? $"检查对象{DrawText.Object(target)}无法组成检查组：没有可选派的「{_rules.LeadDepartment}」执法人员（该部门无人或均需回避）"
            : $"检查对象{DrawText.Object(target)}无法组成 {_rules.TeamSize} 人检查组：执法人员共 {_inspectors.Length} 人，需回避 {avoided} 人，可选派人数不足";
        return Result<string[]>.Fail("team", message);
    }
}
