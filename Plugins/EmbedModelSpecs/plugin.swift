import Foundation
import PackagePlugin

/// Embeds the catalog (`ModelSpecs/*.yaml`) into the Workload module as Swift string literals.
///
/// Why embedded and not a SwiftPM resource: on Linux a resource lives in a
/// `llmcost_Workload.resources` directory beside the binary, so a binary copied to
/// `/usr/local/bin` alone would lose its catalog; and finding `ModelSpecs/` through the source
/// path (`#filePath`) only works on the machine that built it. Why generated at build time and
/// not checked in: the catalog grows with every model family, and a checked-in copy would be a
/// second, mergeable-by-hand image of the same files. The file list is read on every build,
/// so an added or removed spec changes the command line and regenerates the source.
@main struct EmbedModelSpecs: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "ModelSpecs")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedModelSpecs.swift")
        return [.buildCommand(
            displayName: "Embedding ModelSpecs/ (\(files.count) specs)",
            executable: try context.tool(named: "ModelSpecsEmbedder").url,
            arguments: [output.path] + files.map(\.path),
            inputFiles: files, outputFiles: [output])]
    }
}
