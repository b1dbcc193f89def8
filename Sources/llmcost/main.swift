import Commands
import HostBench

// Before anything measures: OpenBLAS may have picked slow fallback kernels for a CPU it does
// not know; restart once with the right ones (stated in every bench report).
OpenBLASCoreChoice.restartIfMisdetected()
LLMCost.run()
