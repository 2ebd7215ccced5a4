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

    public static YamlDocument Read(SourceText source)
    {
        var file = source.Path;
        // Comments stay off in the parser: YamlDotNet 18 rejects valid YAML with comments on (a
        // column-1 comment after a nested block mapping). They are found in the text instead.
        var parser = new Parser(new Scanner(new StringReader(source.Text), skipComments: true));
        var anchors = new Dictionary<string, (YamlNode Node, long Size)>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        var scalars = new List<(int Start, int End, bool Block)>();
        YamlNode? root = null;
        var last = new SourceSpan(file, 1, 1, 1, 1);
        long written = 0;

        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return new YamlDocument(source, null, Comments(source, scalars));
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
                        var (start, end) = (checked((int)s.Start.Index), checked((int)s.End.Index));
                        scalars.Add((start, end, s.Style is ScalarStyle.Literal or ScalarStyle.Folded));
                        done = (new YamlScalar(span, YamlSpans.ValueSpan(source, s, span), NameOf(s.Anchor), TagOf(s.Tag), s.Value, s.Style, start, end), 1);
                        break;
                    case AnchorAlias a:
                        if (!anchors.TryGetValue(a.Value.Value, out var target))
                            throw new InputError(YamlSpans.Of(file, a.Start, a.End), $"the alias '*{a.Value.Value}' names no anchor defined before it");
                        done = (new YamlAlias(YamlSpans.Of(file, a.Start, a.End), a.Value.Value, target.Node), target.Size);
                        break;
                    case SequenceStart ss:
                        Push(stack, new Frame(ss, isMapping: false), file);
                        break;
                    case MappingStart ms:
                        Push(stack, new Frame(ms, isMapping: true), file);
                        break;
                    case SequenceEnd or MappingEnd:
                        done = stack.Pop().Finish(file, e);
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
                    root = d.Node;
                else
                    stack.Peek().Add(d.Node, d.Size, file);
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

        return new YamlDocument(source, root, Comments(source, scalars));
    }

    /// <summary>
    /// A <c>#</c> at the start of a line or after a blank starts a comment, unless it is inside a
    /// scalar; a block scalar's header line (<c>key: | # note</c>) can carry one too. Text after the
    /// first document is not parsed, so a <c>#</c> there counts as a comment as well.
    /// </summary>
    private static List<Comment> Comments(SourceText source, List<(int Start, int End, bool Block)> scalars)
    {
        var text = source.Text;
        var comments = new List<Comment>();
        var next = 0; // the first scalar that may contain or follow the position
        for (var i = text.IndexOf('#'); i >= 0; i = text.IndexOf('#', i + 1))
        {
            while (next < scalars.Count && scalars[next].End <= i)
                next++;
            if (next < scalars.Count && scalars[next].Start <= i && !(scalars[next].Block && OnFirstLine(text, scalars[next].Start, i)))
            {
                i = scalars[next].End - 1; // the next '#' to look at is after this scalar
                continue;
            }

            if (i > 0 && text[i - 1] is not (' ' or '\t' or '\n' or '\r'))
                continue;
            var end = LineEnd(text, i);
            comments.Add(new Comment(source.Span(i, end), text[i..end]));
            i = end;
        }

        return comments;
    }

    private static bool OnFirstLine(string text, int start, int position) => text.AsSpan(start, position - start).IndexOfAny('\n', '\r') < 0;

    private static int LineEnd(string text, int from)
    {
        var end = text.AsSpan(from).IndexOfAny('\n', '\r');
        return end < 0 ? text.Length : from + end;
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

    /// <summary>A collection being read.</summary>
    private sealed class Frame(NodeEvent start, bool isMapping)
    {
        private readonly List<YamlNode> _items = [];
        private readonly List<YamlPair> _pairs = [];
        // Keys seen so far, for duplicate detection; most mappings have a dozen keys at most.
        private readonly Dictionary<string, YamlScalar> _keys = new(StringComparer.Ordinal);
        private YamlNode? _pendingKey;
        private long _size = 1;

        public NodeEvent StartEvent { get; } = start;

        public void Add(YamlNode node, long size, string file)
        {
            _size += size;
            if (!isMapping)
            {
                _items.Add(node);
                return;
            }

            if (_pendingKey is null)
            {
                if (node.Resolve() is YamlScalar key && !key.IsMergeKey && !_keys.TryAdd(key.Value, key))
                    throw new InputError(node.Span, $"duplicate key '{key.Value}' in a mapping (first at line {_keys[key.Value].Span.StartLine})");

                _pendingKey = node;
                return;
            }

            _pairs.Add(new YamlPair(_pendingKey, node));
            _pendingKey = null;
        }

        public (YamlNode Node, long Size) Finish(string file, ParsingEvent end)
        {
            var anchor = NameOf(StartEvent.Anchor);
            var tag = TagOf(StartEvent.Tag);
            // A block collection "ends" where the next line starts; its last child is the honest end.
            var last = isMapping ? (_pairs.Count > 0 ? _pairs[^1].Value.Span : (SourceSpan?)null) : (_items.Count > 0 ? _items[^1].Span : null);
            var span = YamlSpans.Of(file, StartEvent.Start, end.End);
            if (last is { } l)
                span = span with { EndLine = l.EndLine, EndColumn = l.EndColumn };

            YamlNode node = isMapping ? new YamlMapping(span, anchor, tag, _pairs) : new YamlSequence(span, anchor, tag, _items);
            return (node, _size);
        }
    }
}
