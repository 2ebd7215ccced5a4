using BackendLint.Bench;
using YamlDotNet.RepresentationModel;

// bench/run.sh drives these; see docs/performance.md.
switch (args)
{
    case ["generate", var root, var scale, var planted]:
        RepositoryGenerator.Write(root, int.Parse(scale), int.Parse(planted));
        return 0;
    case ["generate", var root, var scale]:
        RepositoryGenerator.Write(root, int.Parse(scale), 0);
        return 0;
    case ["yaml-load", .. var files] when files.Length > 0:
        // The reference floor: YamlDotNet's own representation model, nothing else.
        var nodes = 0;
        foreach (var file in files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            nodes += stream.Documents.Count;
        }

        return nodes > 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: BackendLint.Bench generate DIR SCALE [PLANTED] | yaml-load FILE...");
        return 2;
}
