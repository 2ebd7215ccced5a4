using BackendLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BackendLint.Parsing.Yaml;

/// <summary>
/// Reads the first document of a YAML file into <see cref="YamlNode"/>s in one pass over
/// YamlDotNet's parser events, without recursion. Everything a hostile or broken file can do
/// becomes an <see cref="InputError"/>: syntax errors, duplicate keys, undefined aliases,
/// nesting too deep for a reader, and alias bombs.
/// </summary>
public static class YamlDocumentReader
{
    public const int MaxDepth = 256;

    /// <summary>
    /// An alias bomb expands to many times its written size: a few hundred bytes to a billion nodes.
    /// A large honest file (100,000 images each merging a meta) expands to about twice its size, so
    /// the limit is relative: more than <see cref="MaxExpansionRatio"/> times the nodes written, once
    /// past <see cref="MinExpandedNodesForBomb"/>.
    /// </summary>
    public const long MinExpandedNodesForBomb = 1_000_000;

    public const long MaxExpansionRatio = 50;

    public static YamlNode? Read(SourceFile source) => Read(source, itemDepth: 0, onItem: null);

    /// <summary>
    /// Reads a document and hands every item of a sequence at <paramref name="itemDepth"/> (1: the
    /// top-level sequence; 2: a sequence under a top-level key) to <paramref name="onItem"/> as soon
    /// as it is complete, with the key of its list, instead of keeping it in the tree: a 100,000-entry
    /// gallery never has to be in memory at once. Anchored nodes stay reachable for later aliases.
    /// </summary>
    public static YamlNode? Read(SourceFile source, int itemDepth, Action<string?, YamlNode>? onItem)
    {
        var file = source.Path;
        var strings = new StringPool();
        using var text = source.OpenReader();
        var parser = new Parser(new Scanner(text, skipComments: true));
        var anchors = new Dictionary<string, (YamlNode Node, long Size)>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        var spare = new Stack<Frame>(); // finished frames, reused: their lists keep their capacity
        YamlNode? root = null;
        var last = new SourceSpan(file, 1, 1, 1, 1);
        long written = 0;

        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return null;
            parser.Consume<DocumentStart>();

            while (root is null)
            {
                var e = parser.Consume<ParsingEvent>();
                last = YamlSpans.Of(file, e.End, e.End);
                written++;
                (YamlNode Node, long Size)? done = null;
                switch (e)
                {
                    case Scalar s:
                        var span = YamlSpans.Of(file, s.Start, s.End);
                        var (valueStart, valueEnd) = YamlSpans.ValueColumns(source, s, span);
                        done = (new YamlScalar(span, valueStart, valueEnd, NameOf(s.Anchor), TagOf(s.Tag), strings.Get(s.Value), s.Style,
                            checked((int)s.Start.Index), checked((int)s.End.Index)), 1);
                        break;
                    case AnchorAlias a:
                        if (!anchors.TryGetValue(a.Value.Value, out var target))
                            throw new InputError(YamlSpans.Of(file, a.Start, a.End), $"the alias '*{a.Value.Value}' names no anchor defined before it");
                        done = (new YamlAlias(YamlSpans.Of(file, a.Start, a.End), strings.Get(a.Value.Value), target.Node), target.Size);
                        break;
                    case SequenceStart ss:
                        Push(stack, Rent(spare, ss, isMapping: false), file);
                        break;
                    case MappingStart ms:
                        Push(stack, Rent(spare, ms, isMapping: true), file);
                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = stack.Pop();
                        done = frame.Finish(file, e);
                        spare.Push(frame);
                        break;
                    default:
                        throw new InputError(YamlSpans.Of(file, e.Start, e.End), $"unexpected YAML event '{e.GetType().Name}'");
                }

                if (done is not { } d)
                    continue;

                if (d.Node.Anchor is { } anchor)
                    anchors[anchor] = d;

                // A node's size counts every alias as the whole subtree it stands for.
                if (d.Size > MinExpandedNodesForBomb && d.Size > MaxExpansionRatio * written)
                    throw new InputError(d.Node.Span,
                        $"aliases expand the document to more than {MaxExpansionRatio} times its {written:N0} written nodes; refusing to read an alias bomb");

                if (stack.Count == 0)
                {
                    root = d.Node;
                }
                else if (onItem is not null && stack.Count == itemDepth && stack.Peek().IsSequence)
                {
                    onItem(ListKey(stack), d.Node);
                    stack.Peek().Count(d.Size);
                }
                else
                {
                    stack.Peek().Add(d.Node, d.Size, file);
                }
            }
        }
        catch (YamlException e)
        {
            throw new InputError(YamlSpans.Of(file, e.Start, e.End), ProblemOf(e));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up this way on some broken flow collections ("a: [1, 2" and a new key).
            throw new InputError(last, "the YAML cannot be parsed after this point (an unclosed '[' or '{'?)");
        }

        return root;
    }

    // The key under which the streamed list hangs: `include` in `include: [...]`.
    private static string? ListKey(Stack<Frame> stack)
    {
        Frame? parent = null;
        foreach (var frame in stack)
        {
            if (parent is not null)
                return frame.PendingKey;
            parent = frame;
        }

        return null;
    }

    private static Frame Rent(Stack<Frame> spare, NodeEvent start, bool isMapping)
    {
        var frame = spare.Count > 0 ? spare.Pop() : new Frame();
        frame.Start(start, isMapping);
        return frame;
    }

    private static void Push(Stack<Frame> stack, Frame frame, string file)
    {
        if (stack.Count >= MaxDepth)
            throw new InputError(YamlSpans.Of(file, frame.StartEvent.Start, frame.StartEvent.End), $"the YAML nests deeper than {MaxDepth} levels");
        stack.Push(frame);
    }

    private static string? NameOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

    // YamlDotNet prefixes its message with "(Line: …) - (Line: …): "; the position is printed already.
    private static string ProblemOf(YamlException e)
    {
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut >= 0)
            message = message[(cut + 3)..];
        message = message.Trim();
        if (message.EndsWith('.'))
            message = message[..^1];
        return message.Length == 0 ? "the YAML cannot be parsed" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    /// <summary>
    /// Repeated scalars as one string: matrix keys and values ('ubuntu-latest', './') and gallery keys
    /// repeat thousands of times, and the model keeps many of them. A fixed table in which a newer
    /// string takes the slot of an older one (like Roslyn's string table): what repeats is shared,
    /// what is unique (names, uris) costs no dictionary entry, and the table never grows.
    /// </summary>
    private sealed class StringPool
    {
        private const int MaxLength = 64;
        private readonly string?[] _slots = new string?[4096];

        public string Get(string value)
        {
            if (value.Length > MaxLength)
                return value;
            ref var slot = ref _slots[value.GetHashCode() & (_slots.Length - 1)];
            if (slot is not null && string.Equals(slot, value, StringComparison.Ordinal))
                return slot;
            slot = value;
            return value;
        }
    }

    /// <summary>A collection being read; reused for the next collection once it is finished.</summary>
    private sealed class Frame
    {
        private readonly List<YamlNode> _items = [];
        private readonly List<YamlPair> _pairs = [];
        // Keys seen so far; a dictionary only once a mapping is large, most have a dozen keys at most.
        private Dictionary<string, YamlScalar>? _keys;
        private YamlNode? _pendingKey;
        private long _size;
        private bool _isMapping;

        public NodeEvent StartEvent { get; private set; } = null!;

        public bool IsSequence => !_isMapping;

        public void Start(NodeEvent start, bool mapping)
        {
            StartEvent = start;
            _isMapping = mapping;
            _keys = null;
            _pendingKey = null;
            _size = 1;
        }

        /// <summary>The key whose value is being read, in a mapping.</summary>
        public string? PendingKey => (_pendingKey?.Resolve() as YamlScalar)?.Value;

        /// <summary>A child handed to the caller instead of kept: only its size counts.</summary>
        public void Count(long size) => _size += size;

        public void Add(YamlNode node, long size, string file)
        {
            _size += size;
            if (!_isMapping)
            {
                _items.Add(node);
                return;
            }

            if (_pendingKey is null)
            {
                if (node.Resolve() is YamlScalar key && !key.IsMergeKey && Duplicate(key) is { } first)
                    throw new InputError(node.Span, $"duplicate key '{key.Value}' in a mapping (first at line {first.Span.StartLine})");

                _pendingKey = node;
                return;
            }

            _pairs.Add(new YamlPair(_pendingKey, node));
            _pendingKey = null;
        }

        private YamlScalar? Duplicate(YamlScalar key)
        {
            const int LinearScanLimit = 16;
            if (_keys is null && _pairs.Count < LinearScanLimit)
            {
                foreach (var pair in _pairs)
                {
                    if (pair.KeyScalar is { IsMergeKey: false } earlier && earlier.Value == key.Value)
                        return earlier;
                }

                return null;
            }

            if (_keys is null)
            {
                _keys = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                foreach (var pair in _pairs)
                {
                    if (pair.KeyScalar is { IsMergeKey: false } earlier)
                        _keys.TryAdd(earlier.Value, earlier);
                }
            }

            if (_keys.TryGetValue(key.Value, out var first))
                return first;
            _keys[key.Value] = key;
            return null;
        }

        public (YamlNode Node, long Size) Finish(string file, ParsingEvent end)
        {
            var anchor = NameOf(StartEvent.Anchor);
            var tag = TagOf(StartEvent.Tag);
            // A block collection "ends" where the next line starts; its last child is the honest end.
            var last = _isMapping ? (_pairs.Count > 0 ? _pairs[^1].Value.Span : (SourceSpan?)null) : (_items.Count > 0 ? _items[^1].Span : null);
            var span = YamlSpans.Of(file, StartEvent.Start, end.End);
            if (last is { } l)
                span = span with { EndLine = l.EndLine, EndColumn = l.EndColumn };

            // Exact-size arrays: anchored nodes stay in memory for as long as the file is read.
            YamlNode node = _isMapping ? new YamlMapping(span, anchor, tag, _pairs.ToArray()) : new YamlSequence(span, anchor, tag, _items.ToArray());
            _items.Clear();
            _pairs.Clear();
            return (node, _size);
        }
    }
}
