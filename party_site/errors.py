from django.views.debug import SafeExceptionReporterFilter


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports never carry what a visitor typed: membership and feedback forms hold
    personal data, so every POST value is hidden, whatever the view declares."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name, _value in tb_frame.f_locals.items()]
