import Testing
@testable import Workload
