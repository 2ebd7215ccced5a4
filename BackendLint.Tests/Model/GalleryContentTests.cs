using BackendLint.Tests.Support;

namespace BackendLint.Tests.Model;

/// <summary>Gallery facts for entries that repeat: every entry of a name, and whether two entries say the same after merges.</summary>
public class GalleryContentTests
{
    [Test]
    public void EntriesNamed_lists_every_entry_of_a_name_ignoring_case_in_file_order()
    {
        var gallery = Lint.Model(index: "- name: a\n- name: b\n- name: A\n  alias: x\n- uri: quay.io/x/y:v1\n").Gallery;
        gallery.EntriesNamed("a").Select(e => e.Index).Should().Equal(0, 2);
        gallery.EntriesNamed("B").Select(e => e.Index).Should().Equal(1);
        gallery.EntriesNamed("c").Should().BeEmpty();
    }

    [Test]
    public void The_content_hash_is_what_an_entry_says_after_merges()
    {
        const string index = """
            - &m
              name: m
              tags: [a, b]
              urls: &u {x: 1}
            - <<: *m
              name: e
            - name: e
              tags:
                - a
                - b
              urls: {x: "1"}
            - name: e
              tags: [b, a]
              urls: {x: 1}
            - <<: *m
              name: e
              urls: *u
            - <<: *m
              name: e
              urls: {x: 1, y: ~}
            """;
        var hashes = Lint.Model(index: index).Gallery.Entries.Select(e => e.ContentHash).ToList();
        hashes.Should().AllSatisfy(h => h.Should().NotBeEmpty());
        hashes[2].Should().Be(hashes[1], "merged or written, quoted or not, the entry says the same");
        hashes[3].Should().NotBe(hashes[1], "a list in another order says something else");
        hashes[4].Should().Be(hashes[1], "an alias is the node it names");
        hashes[5].Should().NotBe(hashes[1], "a key more is a difference, even with an empty value");
        hashes[0].Should().NotBe(hashes[1]);
    }
}
