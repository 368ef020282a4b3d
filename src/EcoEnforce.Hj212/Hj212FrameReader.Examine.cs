namespace EcoEnforce.Hj212;

public sealed partial class Hj212FrameReader
{
    private enum Step
    {
        Frame,
        NeedMore,
        SkipOne,
    }

    // The window starts at a '#'. Decides whether a whole frame is there and where it ends.
    private static Step Examine(ReadOnlySpan<byte> w, int maxDataLength, out int end, out Hj212Terminator terminator)
    {
        end = 0;
        terminator = Hj212Terminator.CrLf;
        for (var i = 1; i < Math.Min(w.Length, 6); i++)
        {
            var ok = i == 1 ? w[i] == '#' : IsDigit(w[i]);
            if (!ok)
            {
                return Step.SkipOne;
            }
        }
        if (w.Length < 6)
        {
            return Step.NeedMore;
        }
        var declared = (w[2] - '0') * 1000 + (w[3] - '0') * 100 + (w[4] - '0') * 10 + (w[5] - '0');
        if (declared > maxDataLength)
        {
            return Step.SkipOne;
        }

        var dataEnd = 6 + declared;
        var resync = FindResync(w, Math.Min(w.Length, dataEnd), out var needMore);
        if (resync >= 0)
        {
            end = resync + 1;
            terminator = w[resync - 1] == '\r' ? Hj212Terminator.CrLf : Hj212Terminator.Lf;
            return Step.Frame;
        }
        if (needMore || w.Length < dataEnd)
        {
            return Step.NeedMore;
        }

        var hex = 0;
        while (hex < 4 && dataEnd + hex < w.Length && CrcCheck.IsHex(w[dataEnd + hex]))
        {
            hex++;
        }
        var after = dataEnd + hex;
        if (after == w.Length)
        {
            return Step.NeedMore;
        }
        switch (w[after])
        {
            case (byte)'\n':
                end = after + 1;
                terminator = Hj212Terminator.Lf;
                return Step.Frame;
            case (byte)'\r':
                if (after + 1 == w.Length)
                {
                    return Step.NeedMore;
                }
                end = w[after + 1] == '\n' ? after + 2 : after + 1;
                terminator = w[after + 1] == '\n' ? Hj212Terminator.CrLf : Hj212Terminator.Cr;
                return Step.Frame;
            case (byte)'#' when hex > 0:
            case var _ when hex == 4:
                end = after;
                terminator = Hj212Terminator.None;
                return Step.Frame;
        }

        // The declared length is too short for the data: end the frame at the next line end.
        var lf = w[dataEnd..].IndexOf((byte)'\n');
        if (lf >= 0)
        {
            end = dataEnd + lf + 1;
            terminator = lf > 0 && w[dataEnd + lf - 1] == '\r' ? Hj212Terminator.CrLf : Hj212Terminator.Lf;
            return Step.Frame;
        }
        return w.Length >= maxDataLength + Overhead ? Step.SkipOne : Step.NeedMore;
    }

    // A line end followed by "##dddd" inside the declared data means the length lied: resync there.
    private static int FindResync(ReadOnlySpan<byte> w, int regionEnd, out bool needMore)
    {
        needMore = false;
        var from = 6;
        while (from < regionEnd)
        {
            var lf = w[from..regionEnd].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return -1;
            }
            var at = from + lf;
            var next = w[(at + 1)..];
            var check = Math.Min(next.Length, 6);
            var matches = true;
            for (var i = 0; i < check && matches; i++)
            {
                matches = i < 2 ? next[i] == '#' : IsDigit(next[i]);
            }
            if (matches)
            {
                if (check == 6)
                {
                    return at;
                }
                // Not enough bytes to tell a resync from data; wait rather than guess.
                needMore = true;
                return -1;
            }
            from = at + 1;
        }
        return -1;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
