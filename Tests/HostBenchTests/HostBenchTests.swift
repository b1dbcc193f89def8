import Testing
@testable import HostBench
