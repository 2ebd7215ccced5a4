using BackendLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Comment = BackendLint.Text.Comment;

namespace BackendLint.Parsing.Yaml;

/// <summary>
/// Reads the first document of a YAML file into <see cref="YamlNode"/>s in one pass over
/// YamlDotNet's parser events, without recursion, and finds every comment of the file. Everything
/// a hostile or broken file can do becomes an <see cref="InputError"/>: syntax errors, duplicate
/// keys, undefined aliases, nesting too deep for a reader, and alias bombs.
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

    public static YamlDocument Read(SourceText source) => Read(source, itemDepth: 0, onItem: null);

    /// <summary>
    /// Reads a document and hands every item of a sequence at <paramref name="itemDepth"/> (1: the
    /// top-level sequence; 2: a sequence under a top-level key) to <paramref name="onItem"/> as soon
    /// as it is complete, with the key of its list, instead of keeping it in the tree. Measured on
    /// LocalAI's tree: keeping every gallery and matrix node until the end means 2,000 more page
    /// faults and a third more time. Anchored nodes stay reachable for later aliases.
    /// </summary>
    public static YamlDocument Read(SourceText source, int itemDepth, Action<string?, YamlNode>? onItem)
    {
        var file = source.Path;
        // Comments stay off in the parser: YamlDotNet 18 rejects valid YAML with comments on (a
        // column-1 comment after a nested block mapping). They are found in the text instead.
        var parser = new Parser(new Scanner(new StringReader(source.Text), skipComments: true));
        var anchors = new Dictionary<string, (YamlNode Node, long Size)>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        // Finished frames, reused: their lists keep their capacity. Without reuse a run on LocalAI's
        // tree allocates a quarter more, all of it list growth.
        var spare = new Stack<Frame>();
        var comments = new CommentFinder(source);
        YamlNode? root = null;
        var last = new SourceSpan(file, 1, 1, 1, 1);
        long written = 0;

        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return new YamlDocument(source, null, comments.Rest());
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
                        // YamlDotNet places the empty scalar that ends a truncated document past the text's end.
                        var (start, end) = (Offset(source, s.Start), Offset(source, s.End));
                        comments.Scalar(start, end, s.Style is ScalarStyle.Literal or ScalarStyle.Folded);
                        done = (new YamlScalar(span, YamlSpans.ValueSpan(source, s, span), NameOf(s.Anchor), TagOf(s.Tag), s.Value, s.Style, start, end), 1);
                        break;
                    case AnchorAlias a:
                        if (!anchors.TryGetValue(a.Value.Value, out var target))
                            throw new InputError(YamlSpans.Of(file, a.Start, a.End), $"the alias '*{a.Value.Value}' names no anchor defined before it");
                        // A '<<' alias is resolved by YamlMerges, within its own budget, never expanded: it counts once.
                        done = (new YamlAlias(YamlSpans.Of(file, a.Start, a.End), a.Value.Value, target.Node), InMerge(stack) ? 1 : target.Size);
                        break;
                    case SequenceStart ss:
                        Push(stack, Rent(spare, ss, isMapping: false), file);
                        break;
                    case MappingStart ms:
                        Push(stack, Rent(spare, ms, isMapping: true), file);
                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = stack.Pop();
                        done = frame.Finish(source, e);
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
                else if (onItem is not null && stack.Count == itemDepth && !stack.Peek().IsMapping)
                {
                    onItem(ListKey(stack), d.Node);
                    stack.Peek().Count(d.Size);
                }
                else
                {
                    stack.Peek().Add(d.Node, d.Size, file);
                }
            }

            // Content after the first document would be ignored by every reader: refused instead.
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _) && parser.Current is { } next)
                throw new InputError(YamlSpans.Of(file, next.Start, next.End), "a second YAML document starts here; the file must hold one");
        }
        catch (YamlException e)
        {
            throw new InputError(TabOr(source, YamlSpans.Of(file, e.Start, e.End), e), ProblemOf(e));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up this way on some broken flow collections ("a: [1, 2" and a new key).
            throw new InputError(last, "the YAML cannot be parsed after this point (an unclosed '[' or '{'?)");
        }
        catch (ArgumentException)
        {
            // And this way on a tag that is no URI ("!!me]rge <<: *x"), which its scanner lets through.
            throw new InputError(last, "the YAML cannot be parsed after this point (a tag that is not a valid URI?)");
        }

        return new YamlDocument(source, root, comments.Rest());
    }

    /// <summary>
    /// Finds comments as the parser goes: a <c>#</c> at the start of a line or after a blank starts
    /// a comment, unless it is inside a scalar. Scalars come in file order, so only the text between
    /// them is searched, once; a block scalar's header line (<c>key: | # note</c>) can carry one too.
    /// Text after the first document is not parsed: a <c>#</c> there counts as a comment as well.
    /// </summary>
    private sealed class CommentFinder(SourceText source)
    {
        private readonly List<Comment> _comments = [];
        private int _searched;

        public void Scalar(int start, int end, bool block)
        {
            Search(start);
            if (block)
            {
                // The header line is indicators and blanks; what follows a '#' there is a comment.
                _searched = start;
                Search(LineEnd(source.Text, start));
            }

            _searched = Math.Max(_searched, end);
        }

        public List<Comment> Rest()
        {
            Search(source.Text.Length);
            return _comments;
        }

        private void Search(int end)
        {
            var text = source.Text;
            while (_searched < end && text.IndexOf('#', _searched, end - _searched) is var i and >= 0)
            {
                if (i > 0 && text[i - 1] is not (' ' or '\t' or '\n' or '\r'))
                {
                    _searched = i + 1;
                    continue;
                }

                var lineEnd = LineEnd(text, i);
                _comments.Add(new Comment(source.Span(i, lineEnd), text[i..lineEnd]));
                _searched = lineEnd;
            }

            _searched = Math.Max(_searched, end);
        }

        private static int LineEnd(string text, int from)
        {
            var end = text.AsSpan(from).IndexOfAny('\n', '\r');
            return end < 0 ? text.Length : from + end;
        }
    }

    private static int Offset(SourceText source, Mark mark) => (int)Math.Min(mark.Index, source.Text.Length);

    // Whether the node being read is the value of '<<' or an item of '<<: [*a, *b]'.
    private static bool InMerge(Stack<Frame> stack) =>
        stack.Count > 0 && (stack.Peek().IsMapping
            ? stack.Peek().PendingIsMergeKey
            : stack.Count > 1 && stack.ElementAt(1) is { IsMapping: true, PendingIsMergeKey: true });

    // The key under which the streamed list hangs: `include` in `include: [...]`.
    private static string? ListKey(Stack<Frame> stack) => stack.Count > 1 ? stack.ElementAt(1).PendingKey : null;

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

    // YamlDotNet reports a tab that breaks indentation where the token before it ends; the tab itself is what to fix.
    private static SourceSpan TabOr(SourceText source, SourceSpan reported, YamlException e)
    {
        if (!e.Message.Contains("tab character", StringComparison.Ordinal) || reported.StartLine > source.LineCount)
            return reported;
        var from = source.OffsetOf(reported.StartLine, 1);
        var tab = source.Text.IndexOf('\t', from);
        return tab < 0 ? reported : source.Span(tab, tab + 1);
    }

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

    /// <summary>A collection being read; reused for the next collection once it is finished.</summary>
    private sealed class Frame
    {
        private readonly List<YamlNode> _items = [];
        private readonly List<YamlPair> _pairs = [];
        // Keys seen so far, for duplicate detection: a dictionary only once a mapping is large.
        private Dictionary<string, YamlScalar>? _keys;
        private YamlNode? _pendingKey;
        private long _size;

        public NodeEvent StartEvent { get; private set; } = null!;

        public bool IsMapping { get; private set; }

        // Written in '{…}' or '[…]': its end event is its closing bracket.
        private bool _isFlow;

        public void Start(NodeEvent start, bool isMapping)
        {
            StartEvent = start;
            IsMapping = isMapping;
            _isFlow = start is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
            _keys = null;
            _pendingKey = null;
            _size = 1;
        }

        /// <summary>The key whose value is being read, in a mapping.</summary>
        public string? PendingKey => (_pendingKey?.Resolve() as YamlScalar)?.Value;

        public bool PendingIsMergeKey => _pendingKey?.Resolve() is YamlScalar { IsMergeKey: true };

        /// <summary>A child handed to the caller instead of kept: only its size counts.</summary>
        public void Count(long size) => _size += size;

        public void Add(YamlNode node, long size, string file)
        {
            _size += size;
            if (!IsMapping)
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

            return _keys.TryAdd(key.Value, key) ? null : _keys[key.Value];
        }

        public (YamlNode Node, long Size) Finish(SourceText source, ParsingEvent end)
        {
            var file = source.Path;
            var anchor = NameOf(StartEvent.Anchor);
            var tag = TagOf(StartEvent.Tag);
            // A block collection "ends" where the next line starts; its last child is the honest end.
            // A flow collection ends at its closing bracket, which is part of it.
            var last = IsMapping ? (_pairs.Count > 0 ? _pairs[^1].Value.Span : (SourceSpan?)null) : (_items.Count > 0 ? _items[^1].Span : null);
            var span = _isFlow ? YamlSpans.Flow(source, StartEvent.Start, end.End) : YamlSpans.Of(file, StartEvent.Start, end.End);
            if (last is { } l && !_isFlow)
                span = span with { EndLine = l.EndLine, EndColumn = l.EndColumn };

            YamlNode node = IsMapping ? new YamlMapping(span, anchor, tag, _pairs.ToArray()) : new YamlSequence(span, anchor, tag, _items.ToArray());
            _items.Clear();
            _pairs.Clear();
            return (node, _size);
        }
    }
}
