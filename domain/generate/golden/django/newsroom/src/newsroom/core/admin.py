from django.contrib import admin

from newsroom.core.models import TaskRun


@admin.register(TaskRun)
class TaskRunAdmin(admin.ModelAdmin):
    list_display = ["id", "task", "item_id", "finished_at"]
    list_filter = ["task"]
    search_fields = ["task"]
