using BackendLint.Parsing.Make;
using BackendLint.Parsing.Yaml;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests.Hostile;

/// <summary>Input that used to be accepted silently, or reported at the wrong place.</summary>
public class SilentInputTests
{
    [Test]
    public void Content_after_the_first_yaml_document_is_an_input_error()
    {
        var act = () => YamlDocumentReader.Read(new SourceText("f.yml", "- name: x\n---\n- name: y\n"));
        act.Should().Throw<InputError>().Which.ToString().Should().Be("f.yml:2:1: error: a second YAML document starts here; the file must hold one");
    }

    // Found by ContractProperties: the empty document YamlDotNet makes of '---' has its scalar past the
    // end of the text, which the comment finder then searched beyond (an internal error, exit 3).
    [Test]
    public void A_document_of_only_its_start_marker_is_read()
    {
        var document = YamlDocumentReader.Read(new SourceText("f.yml", "---"));
        document.Root.Should().BeOfType<YamlScalar>().Which.Value.Should().BeEmpty();
        document.Comments.Should().BeEmpty();
    }

    // Found by GalleryFixProperties: YamlDotNet's scanner lets a tag that is no URI through and then
    // throws an ArgumentException of its own (an internal error, exit 3, instead of a positioned one).
    [Test]
    public void A_tag_that_is_no_uri_is_an_input_error()
    {
        var act = () => YamlDocumentReader.Read(new SourceText("f.yml", "- &a\n  name: a\n- !!me]rge <<: *a\n  name: b\n"));
        act.Should().Throw<InputError>().Which.Problem.Should().Be("the YAML cannot be parsed after this point (a tag that is not a valid URI?)");
    }

    [Test]
    public void An_explicit_end_of_the_only_document_is_fine()
    {
        YamlDocumentReader.Read(new SourceText("f.yml", "---\n- name: x\n...\n")).Root.Should().BeOfType<YamlSequence>();
    }

    [Test]
    public void A_tab_that_breaks_indentation_is_reported_where_the_tab_is()
    {
        var act = () => YamlDocumentReader.Read(new SourceText("f.yml", "- name: x\n  uri: y\n\t  mirrors: []\n"));
        act.Should().Throw<InputError>().Which.Span.Should().Be(new SourceSpan("f.yml", 3, 1, 3, 2));
    }

    [Test]
    public void A_define_without_endef_is_an_input_error_at_the_define()
    {
        var act = () => MakefileReader.Read(new SourceText("Makefile", "X = 1\ndefine body\n\tsomething\nBACKEND_A = a|python|.|false|true\n"));
        act.Should().Throw<InputError>().Which.ToString().Should().Be("Makefile:2:1: error: this 'define' has no 'endef'; make stops here");
    }

    [Test]
    public void A_file_given_as_the_repository_is_not_a_missing_directory()
    {
        var file = Path.Combine(Lint.FixturesDirectory, "localai-default", "Makefile");
        var (exit, _, error) = Run.InProcess("check", file);
        exit.Should().Be(BackendLint.Cli.ExitCode.InputError);
        error.Should().EndWith(":1:1: error: expected the repository's directory, found a file\n");
    }

    [TestCase("include: ~\nincludeDarwin: ~\n")]
    [TestCase("include:\nincludeDarwin: null\n")]
    [TestCase("include: []\nincludeDarwin: []\n")]
    public void Empty_and_null_matrix_lists_are_alike(string matrix)
    {
        Lint.Model(matrix: matrix).Matrix.Entries.Should().BeEmpty();
    }

    [Test]
    public void A_matrix_list_that_is_a_string_is_still_an_error()
    {
        var act = () => Lint.Model(matrix: "include: 'oops'\n");
        act.Should().Throw<InputError>().Which.Problem.Should().Be("'include' must be a sequence of matrix entries");
    }
}
