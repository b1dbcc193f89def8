import Workload
