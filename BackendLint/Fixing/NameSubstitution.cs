namespace BackendLint.Fixing;

/// <summary>
/// Replaces one backend's name with another inside a value, as a whole name only: <c>whisper</c> is
/// replaced in <c>-cpu-whisper</c> and <c>metal-whisper-development</c>, never in <c>whisperx</c> (a
/// letter or digit goes on) nor in <c>-cpu-faster-whisper</c> (inside <c>faster-whisper</c>, another
/// backend's name). A copied registration that touched another backend's name would build, publish
/// or install the wrong backend.
/// </summary>
public sealed class NameSubstitution
{
    private readonly string _from;
    private readonly string _to;
    private readonly IReadOnlyList<string> _longer;

    /// <param name="from">The name replaced.</param>
    /// <param name="to">What replaces it.</param>
    /// <param name="otherNames">Every other backend's name: those that contain <paramref name="from"/> protect their occurrences.</param>
    public NameSubstitution(string from, string to, IEnumerable<string> otherNames)
    {
        _from = from;
        _to = to;
        _longer = otherNames.Where(n => n.Length > from.Length && Occurrences(n, from).Any()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The same substitution for Makefile variables: <c>BACKEND_FASTER_WHISPER</c> names <c>faster-whisper</c>.</summary>
    public NameSubstitution ForVariables(IEnumerable<string> otherNames) =>
        new(VariablePart(_from), VariablePart(_to), otherNames.Select(VariablePart));

    /// <summary>How a backend name is written in a variable: <c>faster-whisper</c> as <c>FASTER_WHISPER</c>.</summary>
    public static string VariablePart(string name) => name.ToUpperInvariant().Replace('-', '_');

    /// <summary>The value with every whole occurrence of the name replaced; the value itself when there is none.</summary>
    public string Apply(string value)
    {
        if (_from.Length == 0 || !value.Contains(_from, StringComparison.Ordinal))
            return value;
        var covered = _longer.SelectMany(longer => Occurrences(value, longer).Select(start => (Start: start, End: start + longer.Length))).ToList();
        var result = new System.Text.StringBuilder(value.Length + 8);
        var position = 0;
        foreach (var start in Occurrences(value, _from))
        {
            if (start < position || covered.Exists(r => r.Start <= start && start + _from.Length <= r.End))
                continue;
            result.Append(value, position, start - position).Append(_to);
            position = start + _from.Length;
        }

        return position == 0 ? value : result.Append(value, position, value.Length - position).ToString();
    }

    /// <summary>Whether the value names the backend as a whole name at least once.</summary>
    public bool Carries(string value) => Apply(value) != value;

    // Where a name occurs whole: neither side continues it with a letter or a digit.
    private static IEnumerable<int> Occurrences(string value, string name)
    {
        for (var i = value.IndexOf(name, StringComparison.Ordinal); i >= 0; i = value.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            var end = i + name.Length;
            if ((i == 0 || !char.IsAsciiLetterOrDigit(value[i - 1])) && (end == value.Length || !char.IsAsciiLetterOrDigit(value[end])))
                yield return i;
        }
    }
}
