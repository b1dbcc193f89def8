import Testing
@testable import CostModel
