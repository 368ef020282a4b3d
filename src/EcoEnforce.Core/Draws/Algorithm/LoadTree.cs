namespace EcoEnforce.Draws;

/// <summary>Inspectors' loads in canonical order, as a segment tree whose nodes keep the minimum load below them and
/// how many leaves reach it. Finding “the r-th least-loaded eligible inspector” is then O(log n) instead of a scan of
/// 20,000 inspectors per task. An excluded inspector's leaf holds <see cref="Excluded"/>.</summary>
internal sealed class LoadTree
{
    public const int Excluded = int.MaxValue;

    private readonly int _leaves;
    private readonly int[] _min;
    private readonly int[] _count;

    public LoadTree(int size)
    {
        _leaves = 1;
        while (_leaves < size) _leaves *= 2;
        _min = new int[2 * _leaves];
        _count = new int[2 * _leaves];
        for (var i = 0; i < _leaves; i++)
        {
            (_min[_leaves + i], _count[_leaves + i]) = i < size ? (0, 1) : (Excluded, 0);
        }
        for (var p = _leaves - 1; p >= 1; p--) Pull(p);
    }

    /// <summary>The least load among eligible leaves, and how many leaves have it (0 when none is eligible).</summary>
    public int MinCount => _count[1];

    public void Set(int index, int load)
    {
        var p = _leaves + index;
        (_min[p], _count[p]) = (load, load == Excluded ? 0 : 1);
        for (p /= 2; p >= 1; p /= 2) Pull(p);
    }

    /// <summary>The index of the <paramref name="rank"/>-th (from 0, in canonical order) leaf with the least load.</summary>
    public int FindMinRank(int rank)
    {
        var target = _min[1];
        var p = 1;
        while (p < _leaves)
        {
            var left = 2 * p;
            var inLeft = _min[left] == target ? _count[left] : 0;
            if (rank < inLeft)
            {
                p = left;
            }
            else
            {
                rank -= inLeft;
                p = left + 1;
            }
        }
        return p - _leaves;
    }

    private void Pull(int p)
    {
        int l = 2 * p, r = l + 1;
        var min = Math.Min(_min[l], _min[r]);
        _min[p] = min;
        _count[p] = (_min[l] == min ? _count[l] : 0) + (_min[r] == min ? _count[r] : 0);
    }
}
