// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PolicyCompare",
    products: [
        .library(name: "PolicyCompare", targets: ["PolicyCompare"]),
        .library(name: "PolicyCompareCLI", targets: ["PolicyCompareCLI"]),
        .executable(name: "policy-compare", targets: ["policy-compare"]),
    ],
    dependencies: [],
    targets: [
        .target(
            name: "PolicyCompare",
            resources: [.copy("Resources")]
        ),
        .target(name: "PolicyCompareCLI", dependencies: ["PolicyCompare"]),
        .executableTarget(name: "policy-compare", dependencies: ["PolicyCompareCLI"]),
        // Helpers shared by the test targets (not shipped in any product).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PolicyCompareTests", dependencies: ["PolicyCompare", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PolicyCompareCLITests", dependencies: ["PolicyCompareCLI", "PolicyCompare", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
