# nbconvert config for Deno's Jupyter kernel: execute with a short grace period after each cell.
#
# Deno's kernel can publish a cell's result just after it reports the cell idle (seen with Deno 2.9 on a busy
# machine: status idle, then execute_result, both for the same request). nbconvert's executor stops reading
# at idle and drops the late result. This executor reads on for GRACE seconds after idle, keeping only
# messages of the cell's own request, then moves on. Run: python3 -m nbconvert --config this-file ...
import queue

from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async
from nbconvert.preprocessors import ExecutePreprocessor

GRACE = 0.4


class DenoExecutePreprocessor(ExecutePreprocessor):
    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        idle = False
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=GRACE if idle else None))
            except queue.Empty:
                return
            if msg['parent_header'].get('msg_id') != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                idle = True


c = get_config()  # noqa: F821 (given by traitlets when it runs a config file)
c.NotebookExporter.preprocessors = [DenoExecutePreprocessor]
c.ExecutePreprocessor.timeout = 300
